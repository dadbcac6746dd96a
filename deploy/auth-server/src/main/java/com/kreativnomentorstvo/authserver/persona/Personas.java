package com.kreativnomentorstvo.authserver.persona;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.Resource;

/** All demo personas, in the order of the file they were loaded from; none unless demo data is wanted. */
public final class Personas {

	private final Map<String, Persona> byUsername = new LinkedHashMap<>();

	private Personas(List<Persona> personas) {
		for (Persona persona : personas) {
			if (byUsername.putIfAbsent(persona.username(), persona) != null) {
				throw new IllegalArgumentException("persona " + persona.username() + " is listed twice");
			}
		}
		long addresses = personas.stream().map(persona -> persona.email().toLowerCase(Locale.ROOT)).distinct().count();
		if (addresses != personas.size()) {
			throw new IllegalArgumentException("two personas share an email address");
		}
	}

	/** No personas, as on a real instance. */
	public static Personas none() {
		return new Personas(List.of());
	}

	/** The given personas; usernames and addresses must be unique. */
	public static Personas of(List<Persona> personas) {
		return new Personas(personas);
	}

	/** Reads a YAML file with a top-level {@code personas:} list (see {@code personas.yml}). */
	public static Personas load(Resource yaml) {
		try {
			var sources = new YamlPropertySourceLoader().load(yaml.getDescription(), yaml);
			List<Persona> personas = new Binder(ConfigurationPropertySources.from(sources))
				.bind("personas", Bindable.listOf(Persona.class))
				.orElseThrow(() -> new IllegalArgumentException("no 'personas:' list in " + yaml.getDescription()));
			return of(personas);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read personas from " + yaml.getDescription(), ex);
		}
	}

	public Optional<Persona> find(String username) {
		return Optional.ofNullable(byUsername.get(username));
	}

	public List<Persona> all() {
		return List.copyOf(byUsername.values());
	}

	/** The persona the landing page uses in its example: the first coordinator, or else the first persona. */
	public Optional<Persona> example() {
		return byUsername.values()
			.stream()
			.filter(persona -> persona.roles().contains("coordinator"))
			.findFirst()
			.or(() -> byUsername.values().stream().findFirst());
	}

	@Override
	public String toString() {
		return "Personas" + byUsername.keySet();
	}

}
