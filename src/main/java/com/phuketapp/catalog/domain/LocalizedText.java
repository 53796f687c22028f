package com.phuketapp.catalog.domain;

import java.util.Locale;

/** A catalog text in both languages the app speaks; Russian when asked for and present, English otherwise. */
public record LocalizedText(String en, String ru) {

    public String in(Locale locale) {
        return "ru".equals(locale.getLanguage()) && !ru.isBlank() ? ru : en;
    }
}
