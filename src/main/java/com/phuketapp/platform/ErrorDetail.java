package com.phuketapp.platform;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One entry of an error's {@code details}: which field (or query parameter) is wrong, and why — as a message to be
 * resolved in the caller's language when the envelope is written.
 *
 * @param field   the JSON field or query parameter name as the client sent it
 * @param message a key of the {@code i18n/messages} bundle with its arguments, or an already interpolated text
 */
public record ErrorDetail(String field, MessageSourceResolvable message) {

    public static ErrorDetail of(String field, String messageKey, Object... arguments) {
        return new ErrorDetail(
                field, new DefaultMessageSourceResolvable(new String[] {messageKey}, arguments, messageKey));
    }
}
