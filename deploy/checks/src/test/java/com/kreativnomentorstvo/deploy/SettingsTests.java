package com.kreativnomentorstvo.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The environment variables the gateway and the services read, across their application.yml files. */
class SettingsTests {

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):([^}]*)}");

	/** Variables that are meant to differ per module. */
	private static final Set<String> PER_MODULE = Set.of("PORT");

	@Test
	void aVariableSeveralModulesReadHasOneDefault() {
		Map<String, Set<String>> defaults = new TreeMap<>();
		Map<String, Set<String>> readers = new TreeMap<>();
		for (Platform.Module module : Platform.deployables()) {
			Matcher variables = VARIABLE.matcher(Repository.read(module.directory() + "/src/main/resources/application.yml"));
			while (variables.find()) {
				defaults.computeIfAbsent(variables.group(1), v -> new TreeSet<>()).add(variables.group(2));
				readers.computeIfAbsent(variables.group(1), v -> new TreeSet<>()).add(module.name());
			}
		}
		// session-service's calendar feed and notification-service's e-mailed entries must agree on UIDs
		assertThat(readers.get("CALENDAR_UID_DOMAIN")).containsExactly("notification-service", "session-service");
		defaults.keySet().removeAll(PER_MODULE);
		assertThat(defaults).as("variables whose default differs between modules")
			.allSatisfy((variable, values) -> assertThat(values).as(variable).hasSize(1));
	}

}
