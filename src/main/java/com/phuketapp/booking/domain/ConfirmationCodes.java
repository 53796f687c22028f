package com.phuketapp.booking.domain;

import java.security.SecureRandom;

/**
 * Confirmation codes such as {@code 7KQ4M-X9HTW}: ten characters from an alphabet without look-alikes (no 0/O, 1/I/L,
 * U), read out at a rental counter without confusion, and about 49 random bits (30^10) so that nobody guesses another's code.
 */
public final class ConfirmationCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConfirmationCodes() {}

    public static String next() {
        StringBuilder code = new StringBuilder(11);
        for (int i = 0; i < 10; i++) {
            if (i == 5) {
                code.append('-');
            }
            code.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }
}
