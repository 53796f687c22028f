package com.phuketapp.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What other modules may ask of identity. */
public interface IdentityApi {

    /**
     * How to reach a person now: their email, language and push devices (tokens decrypted). Empty for an unknown,
     * erased or disabled account: nobody is told anything any more.
     */
    Optional<Contact> contact(UUID userId);

    /** Forgets a push token the push service reported as no longer valid. */
    void forgetDevice(UUID userId, String token);

    /** @param locale {@code en} or {@code ru} */
    record Contact(UUID userId, String email, String fullName, String locale, List<Device> devices) {

        public Contact {
            devices = List.copyOf(devices);
        }
    }

    /** @param platform {@code ios}, {@code android} or {@code web} */
    record Device(String token, String platform) {}
}
