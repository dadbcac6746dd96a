package com.kreativnomentorstvo.authserver.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;

class SigningKeyStoreTests {

	@TempDir
	Path directory;

	@Test
	void aNewKeyIsAnRs256SigningKeyOf2048Bits() {
		RSAKey key = new SigningKeyStore(directory.resolve("jwk.json")).loadOrCreate();

		assertThat(key.size()).isEqualTo(2048);
		assertThat(key.isPrivate()).isTrue();
		assertThat(key.getKeyID()).isNotBlank();
		assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
		assertThat(key.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
	}

	@Test
	void theKeySurvivesARestart() throws Exception {
		Path file = directory.resolve("auth/jwk.json");
		RSAKey first = new SigningKeyStore(file).loadOrCreate();

		RSAKey afterRestart = new SigningKeyStore(file).loadOrCreate();

		assertThat(file).exists();
		assertThat(afterRestart.getKeyID()).isEqualTo(first.getKeyID());
		assertThat(afterRestart.toRSAPrivateKey()).isEqualTo(first.toRSAPrivateKey());
		assertThat(afterRestart.toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
	}

	@Test
	void onlyTheOwnerMayReadTheKeyFile() throws IOException {
		Path file = directory.resolve("jwk.json");
		new SigningKeyStore(file).loadOrCreate();

		if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
		assertThat(directory).isDirectoryNotContaining("glob:**.tmp");
	}

	@Test
	void anUnwritableFileKeepsTheKeyInMemory() throws IOException {
		Path notADirectory = Files.writeString(directory.resolve("plain-file"), "x");
		Path file = notADirectory.resolve("jwk.json");

		RSAKey key = new SigningKeyStore(file).loadOrCreate();

		assertThat(key.isPrivate()).isTrue();
		// not Path assertions: they cannot tell "absent" from "unreachable" below a plain file
		assertThat(Files.exists(file)).isFalse();
	}

	@Test
	void aDamagedFileIsReportedAndLeftAlone() throws IOException {
		Path file = Files.writeString(directory.resolve("jwk.json"), "{\"keys\": [");

		assertThatIllegalStateException().isThrownBy(() -> new SigningKeyStore(file).loadOrCreate())
			.withMessageContaining(file.toAbsolutePath().toString())
			.withMessageContaining("Delete the file");
		assertThat(file).hasContent("{\"keys\": [");
	}

	@Test
	void aPublicKeyAloneIsRefused() throws IOException {
		RSAKey key = new SigningKeyStore(directory.resolve("full.json")).loadOrCreate();
		Path file = Files.writeString(directory.resolve("jwk.json"),
				"{\"keys\":[" + key.toPublicJWK().toJSONString() + "]}");

		assertThatIllegalStateException().isThrownBy(() -> new SigningKeyStore(file).loadOrCreate())
			.withMessageContaining("private RSA key");
	}

}
