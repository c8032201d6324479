package dev.fmgateway.segmentation;

import java.util.concurrent.Semaphore;

import org.springframework.stereotype.Component;

/**
 * The pixels segmentations in flight may decode, as a semaphore of pixels sized from the heap (or configured): a
 * request reserves its cost before anything is decoded or sent upstream, and is refused at once when it cannot.
 */
@Component
class PixelBudget {

    /** Bytes of maximum heap per pixel of the default total budget. */
    static final int HEAP_BYTES_PER_PIXEL = 8;

    private final long maxRequest;

    private final int total;

    private final Semaphore pixels;

    PixelBudget(SegmentationProperties properties) {
        long configured = properties.maxTotalPixels() > 0 ? properties.maxTotalPixels()
                : Runtime.getRuntime().maxMemory() / HEAP_BYTES_PER_PIXEL;
        this.total = (int) Math.min(Integer.MAX_VALUE, configured);
        this.maxRequest = Math.min(properties.maxRequestPixels(), this.total);
        this.pixels = new Semaphore(this.total);
    }

    /** The pixels all requests in flight may cost together. */
    int total() {
        return this.total;
    }

    /** Reserves {@code cost} pixels until the returned reservation is closed. */
    Reservation reserve(long cost) {
        if (cost > this.maxRequest) {
            throw new ImageTooLargeException(cost, this.maxRequest);
        }
        if (!this.pixels.tryAcquire((int) cost)) {
            throw new SegmentationBusyException();
        }
        return new Reservation(this.pixels, (int) cost);
    }

    /** Pixels held for one request; closing gives them back. */
    static final class Reservation implements AutoCloseable {

        private final Semaphore pixels;

        private final int cost;

        private Reservation(Semaphore pixels, int cost) {
            this.pixels = pixels;
            this.cost = cost;
        }

        @Override
        public void close() {
            this.pixels.release(this.cost);
        }
    }
}
