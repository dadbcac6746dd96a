package com.kreativnomentorstvo.authserver.persona;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ResourceUtils;

/** Loads the demo personas when {@code PERSONAS_FILE} names a file; otherwise there are none. */
@Configuration(proxyBeanMethods = false)
class PersonaConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PersonaConfiguration.class);

	@Bean
	Personas personas(PersonaProperties properties, ResourceLoader resourceLoader) {
		if (!properties.demo()) {
			log.info("No PERSONAS_FILE: no demo personas");
			return Personas.none();
		}
		String location = properties.file();
		Resource file = ResourceUtils.isUrl(location) ? resourceLoader.getResource(location)
				: new FileSystemResource(location);
		if (!file.exists()) {
			throw new IllegalStateException("personas file " + file.getDescription() + " does not exist");
		}
		Personas personas = Personas.load(file);
		log.info("Loaded {} demo personas from {}", personas.all().size(), file.getDescription());
		return personas;
	}

}
