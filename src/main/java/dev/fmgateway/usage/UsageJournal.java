package dev.fmgateway.usage;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * The usage ledger's append-only journal on local disk: numbered segment files ({@code 00000000000000000001.journal},
 * ...) holding one record per line as {@code <crc32 hex> <json>}. {@link #append} writes and fsyncs before it
 * returns. The database writer reads the journal in order behind the appends ({@link #read}, {@link #commit}); a
 * segment is deleted once every record in it is in the database. So a record stays on disk until the database has
 * it: after a crash or an outage it is read again, and the database skips the records it already has.
 *
 * <p>One gateway per directory (a lock file refuses a second). Appends come from one thread at a time; reading,
 * committing and {@link #compact compacting} from the writer thread only. A line that fails its checksum (a write
 * torn by a power loss) is skipped and counted.
 */
final class UsageJournal implements Closeable {

    static final String REJECTED = "rejected.jsonl";

    private static final Logger log = LoggerFactory.getLogger(UsageJournal.class);

    private static final Pattern SEGMENT = Pattern.compile("\\d{20}\\.journal");

    private static final int READ_CHUNK = 1 << 20;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path directory;

    private final long segmentSize;

    private final FileChannel lockFile;

    /** Oldest first; only the last one may be open for appends. */
    private final Deque<Segment> segments = new ConcurrentLinkedDeque<>();

    private final AtomicLong bytes = new AtomicLong();

    private final AtomicLong backlog = new AtomicLong();

    private final AtomicLong corrupt = new AtomicLong();

    private final Object appendLock = new Object();

    private @Nullable FileChannel active;

    private long nextSequence;

    private boolean closed;

    /** Offset of the next unread record in the oldest segment (writer thread). */
    private long cursor;

    private @Nullable FileChannel reading;

    private UsageJournal(Path directory, long segmentSize, FileChannel lockFile) {
        this.directory = directory;
        this.segmentSize = segmentSize;
        this.lockFile = lockFile;
    }

    /** Opens the journal in {@code directory}, creating it; fails when another gateway has it open. */
    static UsageJournal open(Path directory, long segmentSize) throws IOException {
        Files.createDirectories(directory);
        FileChannel lockFile = FileChannel.open(directory.resolve("lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockFile.tryLock();
        }
        catch (OverlappingFileLockException ex) {
            lock = null;
        }
        if (lock == null) {
            lockFile.close();
            throw new IOException("the ledger journal " + directory.toAbsolutePath() + " is in use by another gateway");
        }
        UsageJournal journal = new UsageJournal(directory, segmentSize, lockFile);
        try (Stream<Path> files = Files.list(directory)) {
            for (Path path : files.filter(p -> SEGMENT.matcher(p.getFileName().toString()).matches()).sorted().toList()) {
                long sequence = Long.parseLong(path.getFileName().toString().substring(0, 20));
                Segment segment = new Segment(path, Files.size(path), true);
                journal.segments.addLast(segment);
                journal.bytes.addAndGet(segment.length);
                journal.nextSequence = sequence + 1;
            }
        }
        return journal;
    }

    /** Counts the records left by earlier runs (the backlog to replay); call once, before reading. */
    void countBacklog() throws IOException {
        long records = 0;
        for (Segment segment : this.segments) {
            for (byte[] line : lines(Files.readAllBytes(segment.path), (int) segment.length, Integer.MAX_VALUE)
                .lines()) {
                if (decode(line) != null) {
                    records++;
                }
            }
        }
        this.backlog.set(records);
    }

    /** Writes the records and forces them to disk; on failure, nothing of them counts as appended. */
    void append(List<UsageRecord> records) throws IOException {
        byte[] data = encode(records);
        synchronized (this.appendLock) {
            if (this.closed) {
                throw new ClosedChannelException();
            }
            if (this.active == null) {
                startSegment();
            }
            Segment segment = this.segments.getLast();
            FileChannel channel = this.active;
            try {
                ByteBuffer buffer = ByteBuffer.wrap(data);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
            catch (IOException ex) {
                abandonActive(segment);
                throw ex;
            }
            segment.length += data.length;
            this.bytes.addAndGet(data.length);
            this.backlog.addAndGet(records.size());
            if (segment.length >= this.segmentSize) {
                closeActive();
            }
        }
    }

    /**
     * Up to {@code max} records after the cursor, in order, without moving it; deletes segments read to their end.
     * Empty when everything appended so far was read.
     */
    Batch read(int max) throws IOException {
        while (true) {
            Segment segment = this.segments.peekFirst();
            if (segment == null) {
                return Batch.EMPTY;
            }
            long limit = segment.length;
            if (this.cursor >= limit) {
                if (!segment.closed) {
                    return Batch.EMPTY;
                }
                delete(segment);
                continue;
            }
            int length = (int) Math.min(READ_CHUNK, limit - this.cursor);
            Lines lines = lines(readAt(segment, this.cursor, length), length, max);
            if (lines.lines().isEmpty()) {
                // A torn last line: a write that never completed, so never acknowledged.
                log.warn("Ledger journal: ignoring {} bytes of an incomplete record at the end of {}",
                        limit - this.cursor, segment.path.getFileName());
                this.cursor = limit;
                continue;
            }
            List<UsageRecord> records = new ArrayList<>();
            long end = this.cursor;
            int i = 0;
            for (byte[] line : lines.lines()) {
                end += lines.lengths().get(i++);
                UsageRecord record = decode(line);
                if (record != null) {
                    records.add(record);
                }
                else {
                    this.corrupt.incrementAndGet();
                    log.warn("Ledger journal: skipping a record that fails its checksum in {}",
                            segment.path.getFileName());
                }
            }
            if (records.isEmpty()) {
                this.cursor = end;
                continue;
            }
            return new Batch(records, end);
        }
    }

    /** The batch is in the database: moves the cursor past it. */
    void commit(Batch batch) {
        this.cursor = batch.end();
        this.backlog.addAndGet(-batch.records().size());
    }

    /** Once everything is in the database: ends the open segment and deletes every segment read to its end. */
    void compact() throws IOException {
        synchronized (this.appendLock) {
            if (this.active != null && this.segments.size() == 1 && this.cursor >= this.segments.getLast().length) {
                closeActive();
            }
        }
        Segment first;
        while ((first = this.segments.peekFirst()) != null && first.closed && this.cursor >= first.length) {
            delete(first);
        }
    }

    /** Keeps a record the database refuses (not an outage: the database answers) for an operator to look at. */
    void reject(UsageRecord record) throws IOException {
        byte[] line = (JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(this.directory.resolve(REJECTED), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(line));
            channel.force(false);
        }
    }

    /** Records appended and not yet committed to the database. */
    long backlog() {
        return this.backlog.get();
    }

    /** Size of the journal's segments on disk. */
    long bytes() {
        return this.bytes.get();
    }

    /** Lines skipped because they failed their checksum. */
    long corrupt() {
        return this.corrupt.get();
    }

    Path directory() {
        return this.directory;
    }

    @Override
    public void close() throws IOException {
        synchronized (this.appendLock) {
            this.closed = true;
            if (this.active != null) {
                this.active.close();
                this.active = null;
            }
        }
        if (this.reading != null) {
            this.reading.close();
        }
        this.lockFile.close();
    }

    private void startSegment() throws IOException {
        Path path = this.directory.resolve("%020d.journal".formatted(this.nextSequence));
        this.active = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel directoryChannel = FileChannel.open(this.directory, StandardOpenOption.READ)) {
            directoryChannel.force(true); // the new file's name survives a power loss
        }
        this.nextSequence++;
        this.segments.addLast(new Segment(path, 0, false));
    }

    private void closeActive() throws IOException {
        Segment segment = this.segments.getLast();
        segment.closed = true;
        FileChannel channel = this.active;
        this.active = null;
        if (channel != null) {
            channel.close();
        }
    }

    /** After a failed write: drops what it may have left behind and starts a new segment on the next append. */
    private void abandonActive(Segment segment) {
        try {
            this.active.truncate(segment.length);
        }
        catch (IOException ex) {
            // the segment's readable length stops before the failed write; a later start skips its remains
        }
        try {
            closeActive();
        }
        catch (IOException ex) {
            // already failing
        }
    }

    private byte[] readAt(Segment segment, long position, int length) throws IOException {
        if (this.reading == null) {
            this.reading = FileChannel.open(segment.path, StandardOpenOption.READ);
        }
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (this.reading.read(buffer, position + buffer.position()) < 0) {
                break;
            }
        }
        return buffer.array();
    }

    private void delete(Segment segment) throws IOException {
        if (this.reading != null) {
            this.reading.close();
            this.reading = null;
        }
        Files.deleteIfExists(segment.path);
        this.segments.removeFirst();
        this.bytes.addAndGet(-segment.length);
        this.cursor = 0;
    }

    private static byte[] encode(List<UsageRecord> records) {
        StringBuilder text = new StringBuilder(records.size() * 512);
        for (UsageRecord record : records) {
            String json = JSON.writeValueAsString(record);
            text.append(checksum(json.getBytes(StandardCharsets.UTF_8))).append(' ').append(json).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static @Nullable UsageRecord decode(byte[] line) {
        if (line.length < 10 || line[8] != ' ') {
            return null;
        }
        byte[] json = Arrays.copyOfRange(line, 9, line.length);
        if (!checksum(json).equals(new String(line, 0, 8, StandardCharsets.US_ASCII))) {
            return null;
        }
        try {
            return JSON.readValue(json, UsageRecord.class);
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    private static String checksum(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /** The first {@code max} complete lines (without their newline) in {@code data[0, to)}, with their lengths. */
    private static Lines lines(byte[] data, int to, int max) {
        List<byte[]> lines = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < to && lines.size() < max; i++) {
            if (data[i] == '\n') {
                lines.add(Arrays.copyOfRange(data, start, i));
                lengths.add(i + 1 - start);
                start = i + 1;
            }
        }
        return new Lines(lines, lengths);
    }

    private record Lines(List<byte[]> lines, List<Integer> lengths) {
    }

    /** Records read from the journal, and where the cursor goes once they are in the database. */
    record Batch(List<UsageRecord> records, long end) {

        static final Batch EMPTY = new Batch(List.of(), 0);
    }

    private static final class Segment {

        final Path path;

        /** Bytes of complete, forced records (the whole file for a segment of an earlier run). */
        volatile long length;

        volatile boolean closed;

        Segment(Path path, long length, boolean closed) {
            this.path = path;
            this.length = length;
            this.closed = closed;
        }
    }
}
