package dev.fmgateway.emulator;

import java.time.Duration;

final class Sleep {

    private Sleep() {
    }

    /** Sleeps; an interrupt (server shutting down) ends the sleep and keeps the flag set. */
    static void of(Duration duration) {
        if (!duration.isPositive()) {
            return;
        }
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
