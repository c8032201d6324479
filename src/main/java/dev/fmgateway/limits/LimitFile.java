package dev.fmgateway.limits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The limits file, re-read when its modification time or size changes (checked every {@code reloadInterval}). A
 * file that does not parse is reported and the limits in force stay; a deleted file means no limits.
 */
class LimitFile implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LimitFile.class);

    private final Path path;

    private final ScheduledExecutorService poller;

    private volatile LimitRules rules = LimitRules.none();

    private volatile @Nullable String lastError;

    private @Nullable Object seen;

    LimitFile(Path path, java.time.Duration interval) {
        this.path = path;
        reload();
        this.poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("limits-file")
            .factory());
        this.poller.scheduleWithFixedDelay(this::reload, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    LimitRules rules() {
        return this.rules;
    }

    @Nullable String lastError() {
        return this.lastError;
    }

    Path path() {
        return this.path;
    }

    /** Reads the file again if it changed since the last read. */
    synchronized void reload() {
        try {
            Object stamp;
            try {
                FileTime modified = Files.getLastModifiedTime(this.path);
                stamp = modified.toMillis() + ":" + Files.size(this.path);
            }
            catch (NoSuchFileException missing) {
                stamp = "missing";
            }
            if (Objects.equals(stamp, this.seen)) {
                return;
            }
            LimitRules read = "missing".equals(stamp) ? LimitRules.none()
                    : LimitRules.parse(Files.readString(this.path));
            this.seen = stamp;
            this.rules = read;
            this.lastError = null;
            log.info("Limits: {} limit(s) in force from {}", read.limits().size(), this.path);
        }
        catch (IOException | RuntimeException ex) {
            String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
            if (!error.equals(this.lastError)) {
                log.warn("Limits: {} is not applied, the limits in force stay: {}", this.path, error);
            }
            this.lastError = error;
        }
    }

    @Override
    public void close() {
        this.poller.shutdownNow();
    }
}
