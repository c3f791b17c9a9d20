package org.creditstress.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The frozen book's block store gives back exactly what was written, across block boundaries, as often as asked. */
class FrozenBytesTest {

    @Test
    void readsBackEveryByteAcrossBlocks() throws IOException {
        byte[] data = new byte[10_007];
        for (int k = 0; k < data.length; k++) {
            data[k] = (byte) (k * 31 + k / 7);
        }
        FrozenBytes bytes = new FrozenBytes(64);
        bytes.write(data, 0, 100);
        bytes.write(data[100]);
        bytes.write(data, 101, data.length - 101);
        assertEquals(data.length, bytes.size());
        for (int read = 0; read < 2; read++) {
            try (InputStream in = bytes.open()) {
                assertArrayEquals(data, in.readAllBytes(), "read " + read);
            }
        }
    }
}
