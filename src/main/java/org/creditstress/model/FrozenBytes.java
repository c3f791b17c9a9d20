package org.creditstress.model;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Bytes written once and read many times, held in fixed-size blocks: a frozen book of millions of
 * borrowers is larger than one Java array can be (2 GB, about 1.8M borrowers), and blocks grow
 * without the copies of a doubling buffer.
 */
final class FrozenBytes extends OutputStream {
    private final int blockSize;
    private final List<byte[]> blocks = new ArrayList<>();
    private int used;
    private long size;

    FrozenBytes(int blockSize) {
        this.blockSize = blockSize;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        while (len > 0) {
            if (blocks.isEmpty() || used == blockSize) {
                blocks.add(new byte[blockSize]);
                used = 0;
            }
            int n = Math.min(len, blockSize - used);
            System.arraycopy(b, off, blocks.get(blocks.size() - 1), used, n);
            used += n;
            off += n;
            len -= n;
            size += n;
        }
    }

    long size() {
        return size;
    }

    /** A fresh stream over everything written. */
    InputStream open() {
        List<InputStream> parts = new ArrayList<>();
        for (int k = 0; k < blocks.size(); k++) {
            parts.add(new ByteArrayInputStream(blocks.get(k), 0, k == blocks.size() - 1 ? used : blockSize));
        }
        return new SequenceInputStream(Collections.enumeration(parts));
    }
}
