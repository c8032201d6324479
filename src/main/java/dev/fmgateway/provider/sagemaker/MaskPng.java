package dev.fmgateway.provider.sagemaker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import dev.fmgateway.invocation.SegmentationInput;

/**
 * An 8-bit grey PNG written row by row (255 inside the mask, 0 outside), with the bounding box of the set pixels:
 * only the compressed image is held, never the raster.
 */
final class MaskPng {

    private static final byte[] SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

    private final int width;

    private final int height;

    private final ByteArrayOutputStream idat = new ByteArrayOutputStream();

    private final Deflater deflater = new Deflater(Deflater.BEST_SPEED);

    private final DeflaterOutputStream rows = new DeflaterOutputStream(this.idat, this.deflater, 8192);

    private final byte[] row;

    private int y;

    private int x0 = Integer.MAX_VALUE;

    private int y0 = Integer.MAX_VALUE;

    private int x1 = -1;

    private int y1 = -1;

    MaskPng(int width, int height) {
        this.width = width;
        this.height = height;
        this.row = new byte[width + 1];
    }

    /** The next row, top to bottom: {@code inside[x]} for each of the image's columns. */
    void row(boolean[] inside) {
        for (int x = 0; x < this.width; x++) {
            this.row[x + 1] = inside[x] ? (byte) 255 : 0;
            if (inside[x]) {
                this.x0 = Math.min(this.x0, x);
                this.x1 = Math.max(this.x1, x);
                this.y0 = Math.min(this.y0, this.y);
                this.y1 = this.y;
            }
        }
        write(this.row);
        this.y++;
    }

    /** The bounding box of the set pixels, corners inclusive; all zero for an empty mask. */
    SegmentationInput.Box bbox() {
        return this.x1 < 0 ? new SegmentationInput.Box(0, 0, 0, 0)
                : new SegmentationInput.Box(this.x0, this.y0, this.x1, this.y1);
    }

    /** The PNG, once every row was written. */
    byte[] finish() {
        if (this.y != this.height) {
            throw new IllegalStateException(this.y + " of " + this.height + " rows written");
        }
        try {
            this.rows.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            this.deflater.end();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(this.idat.size() + 64);
        png.writeBytes(SIGNATURE);
        byte[] header = new byte[13];
        int32(header, 0, this.width);
        int32(header, 4, this.height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale; compression, filter and interlace 0
        chunk(png, "IHDR", header);
        chunk(png, "IDAT", this.idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private void write(byte[] bytes) {
        try {
            this.rows.write(bytes);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] length = new byte[4];
        int32(length, 0, data.length);
        png.writeBytes(length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(name);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        byte[] sum = new byte[4];
        int32(sum, 0, (int) crc.getValue());
        png.writeBytes(sum);
    }

    private static void int32(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }
}
