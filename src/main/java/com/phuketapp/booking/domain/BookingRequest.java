package com.phuketapp.booking.domain;

import com.phuketapp.catalog.ItemKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** What a traveller asks to book. */
public record BookingRequest(ItemKind kind, UUID itemId, Stay stay, int guests) {

    /** Identifies the request for {@code Idempotency-Key} checks: the same fields give the same hash. */
    public String hash() {
        String canonical = String.join(
                "|",
                kind.code(),
                itemId.toString(),
                stay.start().toString(),
                stay.end().toString(),
                Integer.toString(guests));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
