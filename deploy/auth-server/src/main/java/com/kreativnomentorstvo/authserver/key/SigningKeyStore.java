package com.kreativnomentorstvo.authserver.key;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Date;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * Keeps the RSA signing key in a JWK set file, so that tokens stay valid across restarts. The key is generated on
 * first use; if the file cannot be written, the key lives in memory only and a warning says so.
 */
class SigningKeyStore {

	private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);

	private static final int KEY_SIZE = 2048;

	private final Path file;

	SigningKeyStore(Path file) {
		this.file = file;
	}

	/** The key from the file, or a new one (saved to the file if possible). */
	RSAKey loadOrCreate() {
		if (Files.exists(file)) {
			RSAKey key = read();
			log.info("Signing key {} read from {}", key.getKeyID(), file.toAbsolutePath());
			return key;
		}
		RSAKey key = generate();
		try {
			write(key);
			log.info("Signing key {} generated and saved to {}", key.getKeyID(), file.toAbsolutePath());
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Cannot save the signing key to {} ({}); keeping it in memory, so tokens will not outlive "
					+ "this process", file.toAbsolutePath(), ex.toString());
		}
		return key;
	}

	private RSAKey read() {
		try {
			JWKSet set = JWKSet.parse(Files.readString(file, StandardCharsets.UTF_8));
			if (set.getKeys().size() != 1 || !(set.getKeys().get(0) instanceof RSAKey key) || !key.isPrivate()) {
				throw new IllegalStateException("expected exactly one private RSA key");
			}
			// a hand-made file may lack a key id; tokens and the JWKS need one to be matched
			return key.getKeyID() != null ? key : new RSAKey.Builder(key).keyIDFromThumbprint().build();
		}
		catch (IOException | ParseException | JOSEException | IllegalStateException ex) {
			throw new IllegalStateException("Cannot use the signing key in " + file.toAbsolutePath() + ": "
					+ ex.getMessage() + ". Delete the file to generate a new key.", ex);
		}
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(KEY_SIZE).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint(true)
				.issueTime(new Date())
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate an RSA signing key", ex);
		}
	}

	private void write(JWK key) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		// written aside and moved into place, so a crash never leaves half a key behind
		Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
		try {
			if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
			}
			Files.writeString(temporary, new JWKSet(key).toString(false), StandardCharsets.UTF_8);
			try {
				Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

}
