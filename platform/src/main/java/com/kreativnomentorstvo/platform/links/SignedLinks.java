package com.kreativnomentorstvo.platform.links;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tokens in the links of account e-mails (confirm an address, set or reset a password). The
 * link's id travels in events; only the service that writes the e-mail adds the signature, an
 * HMAC-SHA256 of the purpose and the id under the instance's link secret, so reading the event
 * streams gives nobody a usable link. The service that owns the link checks the signature, then
 * that the link is unused and unexpired. Both services take the secret from the same setting
 * ({@code mentoring.links.secret}, {@code LINK_SECRET}).
 */
public final class SignedLinks {

	private static final String ALGORITHM = "HmacSHA256";

	private static final Pattern LINK_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final SecretKeySpec key;

	public SignedLinks(String secret) {
		if (secret == null || secret.length() < 16) {
			throw new IllegalArgumentException("mentoring.links.secret (LINK_SECRET) must have at least 16 characters");
		}
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
	}

	/** The token of a link: its id and the signature of its purpose and id. */
	public String token(String purpose, String linkId) {
		if (!LINK_ID.matcher(linkId).matches()) {
			throw new IllegalArgumentException("not a link id: " + linkId);
		}
		return linkId + "." + ENCODER.encodeToString(signature(purpose, linkId));
	}

	/** The link id of a token signed for the purpose, or empty for anything else (forged, other purpose, garbage). */
	public Optional<String> linkId(String purpose, String token) {
		if (token == null) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		if (dot <= 0 || dot != token.lastIndexOf('.')) {
			return Optional.empty();
		}
		String linkId = token.substring(0, dot);
		if (!LINK_ID.matcher(linkId).matches()) {
			return Optional.empty();
		}
		byte[] given;
		try {
			given = Base64.getUrlDecoder().decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException notBase64) {
			return Optional.empty();
		}
		return MessageDigest.isEqual(given, signature(purpose, linkId)) ? Optional.of(linkId) : Optional.empty();
	}

	private byte[] signature(String purpose, String linkId) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(("mentoring-link/v1\n" + purpose + "\n" + linkId).getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
