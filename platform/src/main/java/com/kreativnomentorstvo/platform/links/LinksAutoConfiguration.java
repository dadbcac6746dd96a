package com.kreativnomentorstvo.platform.links;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import com.kreativnomentorstvo.platform.PlatformProperties;

/** The signed links of account e-mails, for the services that write or check them. */
@AutoConfiguration
@EnableConfigurationProperties(PlatformProperties.class)
public class LinksAutoConfiguration {

	@Bean
	SignedLinks signedLinks(PlatformProperties properties) {
		return new SignedLinks(properties.links().secret());
	}

}
