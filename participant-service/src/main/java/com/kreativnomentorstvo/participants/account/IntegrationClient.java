package com.kreativnomentorstvo.participants.account;

/** A client registered for an integration, with the secret shown once. */
public record IntegrationClient(String clientId, String clientSecret) {
}
