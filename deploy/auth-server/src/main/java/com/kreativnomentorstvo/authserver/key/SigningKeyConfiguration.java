package com.kreativnomentorstvo.authserver.key;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/** Signs tokens with the persistent RSA key; the authorization server publishes its public half at /oauth2/jwks. */
@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

	@Bean
	JWKSource<SecurityContext> jwkSource(SigningKeyProperties properties) {
		return new ImmutableJWKSet<>(new JWKSet(new SigningKeyStore(properties.file()).loadOrCreate()));
	}

}
