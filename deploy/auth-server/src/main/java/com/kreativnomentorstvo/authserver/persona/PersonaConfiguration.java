package com.kreativnomentorstvo.authserver.persona;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.util.ResourceUtils;

/** Loads the personas and lets them sign in through the login form. */
@Configuration(proxyBeanMethods = false)
class PersonaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PersonaConfiguration.class);

	@Bean
	Personas personas(PersonaProperties properties, ResourceLoader resourceLoader) {
		String location = properties.file();
		Resource file = ResourceUtils.isUrl(location) ? resourceLoader.getResource(location)
				: new FileSystemResource(location);
		if (!file.exists()) {
			throw new IllegalStateException("personas file " + file.getDescription() + " does not exist");
		}
		Personas personas = Personas.load(file);
		log.info("Loaded {} personas from {}", personas.all().size(), file.getDescription());
		return personas;
	}

	@Bean
	UserDetailsService personaUsers(Personas personas) {
		return username -> personas.find(username)
			.map(persona -> User.withUsername(persona.username())
				.password(persona.encodedPassword())
				.roles(persona.roles().stream().map(String::toUpperCase).toArray(String[]::new))
				.build())
			.orElseThrow(() -> new UsernameNotFoundException("no persona named " + username));
	}

}
