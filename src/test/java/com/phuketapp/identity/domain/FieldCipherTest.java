package com.phuketapp.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldCipherTest {

    private static final byte[] FIRST = "first-key-of-thirty-two-bytes-!!".getBytes();
    private static final byte[] SECOND = "second-key-of-thirty-two-bytes!!".getBytes();

    @Test
    void sealsUnderTheActiveKeyAndOpensWhatOlderKeysSealed() {
        FieldCipher before = new FieldCipher(Map.of("2026-01", FIRST), "2026-01");
        String old = before.seal("+66 81 234 5678");

        FieldCipher after = new FieldCipher(Map.of("2026-01", FIRST, "2026-07", SECOND), "2026-07");
        String fresh = after.seal("+66 81 234 5678");

        assertThat(old).startsWith("2026-01:").doesNotContain("234");
        assertThat(fresh).startsWith("2026-07:");
        assertThat(after.open(old)).isEqualTo("+66 81 234 5678");
        assertThat(after.open(fresh)).isEqualTo("+66 81 234 5678");
        assertThat(after.seal("same")).as("a fresh IV each time").isNotEqualTo(after.seal("same"));
    }

    @Test
    void refusesTamperedValuesUnknownKeysAndWrongKeySizes() {
        FieldCipher cipher = new FieldCipher(Map.of("k1", FIRST), "k1");
        String sealed = cipher.seal("secret");
        char flipped = sealed.charAt(10) == 'A' ? 'B' : 'A';

        assertThatThrownBy(() -> cipher.open(sealed.substring(0, 10) + flipped + sealed.substring(11)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open("k9:" + sealed.substring(3))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FieldCipher(Map.of("k1", new byte[16]), "k1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FieldCipher(Map.of("k1", FIRST), "k2"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
