package com.phuketapp.identity.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;

/**
 * A password bcrypt can take whole: at least 8 characters and at most 72 bytes of UTF-8 (bcrypt ignores anything
 * beyond, so a longer one is refused rather than silently cut; 72 bytes is 72 Latin letters, 36 Cyrillic, 18 emoji).
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Password.Validator.class)
@interface Password {

    int MIN_CHARACTERS = 8;
    int MAX_BYTES = 72;

    String message() default "{validation.password}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<Password, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value != null
                    && value.codePointCount(0, value.length()) >= MIN_CHARACTERS
                    && value.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
        }
    }
}
