package com.kreativnomentorstvo.participants.coordinator;

import com.kreativnomentorstvo.participants.validation.EmailAddress;
import com.kreativnomentorstvo.participants.validation.MessageLocale;
import com.kreativnomentorstvo.platform.web.PlainText;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Whom to appoint: her account is the one her address has, or a new one.
 *
 * @param preferredLocale the language of the messages and e-mails she gets: en, sr-Latn, sr-Cyrl, hr, mk, sl
 */
record AppointmentForm(@NotBlank @Size(max = 120) @PlainText String displayName,
		@NotNull @EmailAddress String email, @NotNull @MessageLocale String preferredLocale) {
}
