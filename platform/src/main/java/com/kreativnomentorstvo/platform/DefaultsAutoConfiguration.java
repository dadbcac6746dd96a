package com.kreativnomentorstvo.platform;

import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

import com.mongodb.MongoClientSettings;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * How every service reads JSON and uses the store: input of the wrong JSON type is refused rather
 * than converted, dates and times go to the store through the MongoDB driver's own codecs, in UTC
 * whatever the server's zone, and the driver gives up on a store that does not answer within
 * seconds. (Absent values left out of answers, and unknown fields refused, are properties in
 * {@link PlatformDefaults}.)
 */
@AutoConfiguration(before = DataMongoAutoConfiguration.class)
@EnableConfigurationProperties(PlatformProperties.class)
public class DefaultsAutoConfiguration {

	/**
	 * The driver's defaults wait 30 s for a server and forever for a reply, so a request met an
	 * unreachable store with a 500 after 30 s, and a frozen one never answered. Applied before the
	 * connection string, whose options therefore win.
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer storeTimeouts(PlatformProperties properties) {
		return new StoreTimeouts(properties.store());
	}

	/** The platform's store timeouts, for a MongoDB client built by hand (tests, tools) as well. */
	public static final class StoreTimeouts implements MongoClientSettingsBuilderCustomizer, Ordered {

		private final PlatformProperties.Store store;

		public StoreTimeouts(PlatformProperties.Store store) {
			this.store = store;
		}

		@Override
		public void customize(MongoClientSettings.Builder settings) {
			settings.applyToClusterSettings(cluster -> cluster
				.serverSelectionTimeout(store.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
				.applyToConnectionPoolSettings(pool -> pool
					.maxWaitTime(store.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
				.applyToSocketSettings(socket -> socket
					.connectTimeout(store.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
					.readTimeout(store.readTimeout().toMillis(), TimeUnit.MILLISECONDS))
				.applyToServerSettings(server -> server
					.heartbeatFrequency(store.heartbeatFrequency().toMillis(), TimeUnit.MILLISECONDS))
				// a retry would double the wait for a store that does not answer; see PlatformProperties.Store
				.retryReads(store.driverRetries())
				.retryWrites(store.driverRetries());
		}

		@Override
		public int getOrder() {
			// before Boot's own customizer, which applies the connection string (order 0)
			return -100;
		}

	}

	@Bean
	JsonMapperBuilderCustomizer strictJsonInput() {
		return new StrictJsonInput();
	}

	/**
	 * Spring Data would store a {@code LocalDate} as midnight in the JVM's zone; the driver's codecs
	 * store midnight UTC, the same on every machine. A service that declares its own conversions
	 * replaces these and should keep {@code useNativeDriverJavaTimeCodecs()}.
	 */
	@Bean
	@ConditionalOnMissingBean
	MongoCustomConversions mongoCustomConversions(ObjectProvider<DataMongoProperties> properties) {
		return MongoCustomConversions.create(config -> {
			config.useNativeDriverJavaTimeCodecs();
			DataMongoProperties settings = properties.getIfAvailable();
			if (settings != null && settings.getRepresentation().getBigDecimal() != null) {
				config.bigDecimal(settings.getRepresentation().getBigDecimal());
			}
		});
	}

	/**
	 * A value of the wrong JSON type is a mistake a client should hear about (400 naming the
	 * field), not a value to guess at: {@code "capacity": "2"} or {@code 1.5}, {@code "name": 5},
	 * {@code "active": "yes"}, an enum given as a number. Runs before the {@code spring.jackson.*}
	 * properties, so a service can still switch a feature back on there.
	 */
	static final class StrictJsonInput implements JsonMapperBuilderCustomizer, Ordered {

		@Override
		public void customize(JsonMapper.Builder builder) {
			builder.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
				.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
				.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
				.withCoercionConfig(LogicalType.Textual,
						config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
							.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
							.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
				.withCoercionConfig(LogicalType.Integer,
						config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
							.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
							.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
				.withCoercionConfig(LogicalType.Boolean,
						config -> config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
							.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
				.withCoercionConfig(LogicalType.Enum,
						config -> config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
							.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}
