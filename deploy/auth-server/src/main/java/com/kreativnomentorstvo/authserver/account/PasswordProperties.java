package com.kreativnomentorstvo.authserver.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * How passwords and client secrets are hashed.
 *
 * @param bcryptStrength the log2 of bcrypt's rounds ({@code BCRYPT_STRENGTH}); 10 takes about 0.1 s per hash on a
 *     server core, each step up doubles it. Tests use 4.
 */
@ConfigurationProperties("mentoring.auth.passwords")
record PasswordProperties(@DefaultValue("10") int bcryptStrength) {

	PasswordProperties {
		Assert.isTrue(bcryptStrength >= 4 && bcryptStrength <= 31,
				"mentoring.auth.passwords.bcrypt-strength must be between 4 and 31");
	}

}
