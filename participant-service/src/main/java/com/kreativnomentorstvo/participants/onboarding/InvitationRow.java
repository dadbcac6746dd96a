package com.kreativnomentorstvo.participants.onboarding;

/**
 * One person to invite: a row of an invitation list.
 *
 * @param row the row's number in the list as its author sees it (the header is row 1 of a CSV file)
 * @param role {@code MENTOR} or {@code MENTEE}
 * @param organisation the organisation she takes part for: the organiser or a partner of the programme
 * @param language the language of her messages: en, sr-Latn, sr-Cyrl, hr, mk or sl
 */
record InvitationRow(int row, String name, String email, String role, String organisation, String language) {
}
