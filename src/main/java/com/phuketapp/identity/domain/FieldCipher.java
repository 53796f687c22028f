package com.phuketapp.identity.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals personal data for storage with AES-256-GCM: {@code <key id>:<base64 of iv ‖ ciphertext ‖ tag>}. The key id
 * travels with each value, so keys can rotate: new values use the active key, old ones open with the key they name.
 */
public final class FieldCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    /** @param keys key id → 32 raw bytes */
    public FieldCipher(Map<String, byte[]> keys, String activeKeyId) {
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("The active encryption key '" + activeKeyId + "' is not configured");
        }
        keys.forEach((id, key) -> {
            if (key.length != 32 || id.contains(":")) {
                throw new IllegalArgumentException(
                        "Encryption key '" + id + "' must be 32 bytes with no ':' in its id");
            }
        });
        this.keys = Map.copyOf(
                keys.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, entry ->
                        (SecretKey) new SecretKeySpec(entry.getValue(), "AES"))));
        this.activeKeyId = activeKeyId;
    }

    public String seal(String plain) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(activeKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
            return activeKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("AES-GCM is unavailable", impossible);
        }
    }

    public String open(String stored) {
        int colon = stored.indexOf(':');
        SecretKey key = colon > 0 ? keys.get(stored.substring(0, colon)) : null;
        if (key == null) {
            throw new IllegalStateException("A stored value names an encryption key that is not configured");
        }
        byte[] in = Base64.getDecoder().decode(stored.substring(colon + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(stored.substring(0, colon).getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException tampered) {
            throw new IllegalStateException("A stored value could not be decrypted", tampered);
        }
    }
}
