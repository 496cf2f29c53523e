package io.vodkit.emulator.internal.storage;

import java.util.List;

/**
 * The CRC-32 (IEEE, reflected polynomial {@code 0xEDB88320}) of a concatenation from the CRCs and lengths of its
 * pieces, without reading a byte: crc(A ‖ B) = crc(A) · x^(8·|B|) mod P ⊕ crc(B). A merge knows every part's CRC
 * (checked as it was written), so the object's CRC costs a few hundred multiplications instead of a pass over the
 * file. Polynomials are held reflected: bit 31 is x^0.
 */
final class Crc32Combine {
    private static final int POLY = 0xEDB88320;
    private static final int X0 = 1 << 31;
    /** {@code X2N[k]} = x^(2^k) mod P. */
    private static final int[] X2N = new int[32];

    static {
        int p = X0 >>> 1; // x^1
        X2N[0] = p;
        for (int k = 1; k < X2N.length; k++) {
            p = multiply(p, p);
            X2N[k] = p;
        }
    }

    private Crc32Combine() {}

    /** The CRC of the pieces in order, given each piece's CRC (8 hex digits) and length. */
    static long of(List<String> crcs, List<Long> lengths) {
        if (crcs.size() != lengths.size()) {
            throw new IllegalArgumentException(crcs.size() + " CRCs for " + lengths.size() + " lengths");
        }
        int crc = 0; // the CRC of nothing
        for (int k = 0; k < crcs.size(); k++) {
            crc = combine(crc, (int) Long.parseLong(crcs.get(k), 16), lengths.get(k));
        }
        return Integer.toUnsignedLong(crc);
    }

    /** crc(A ‖ B) from crc(A), crc(B) and |B| in bytes. */
    static int combine(int crcA, int crcB, long lengthB) {
        return multiply(xToEightTimes(lengthB), crcA) ^ crcB;
    }

    /** x^(8·n) mod P: the product of x^(2^k) over the bits k of 8·n. */
    private static int xToEightTimes(long n) {
        int p = X0;
        for (int k = 3; n != 0; n >>>= 1, k++) {
            if ((n & 1) != 0) {
                p = multiply(X2N[k & 31], p);
            }
        }
        return p;
    }

    /** a · b mod P, both reflected. */
    private static int multiply(int a, int b) {
        int product = 0;
        for (int bit = X0; bit != 0; bit >>>= 1) {
            if ((a & bit) != 0) {
                product ^= b;
            }
            b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
        }
        return product;
    }
}
