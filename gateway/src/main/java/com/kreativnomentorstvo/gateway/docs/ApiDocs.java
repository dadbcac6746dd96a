package com.kreativnomentorstvo.gateway.docs;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import com.kreativnomentorstvo.support.routes.ApiRoutes;

/**
 * The API documents: the Swagger UI lists every service's OpenAPI document (each routed to the
 * service at {@code /v3/api-docs/<service>}), and the AsyncAPI document of the events is served at
 * {@code /asyncapi.yaml} with the JSON Schemas it refers to under {@code /schemas/}, straight from
 * the events module.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

	static final MediaType YAML = MediaType.parseMediaType("application/yaml");

	@Bean
	RouterFunction<ServerResponse> eventDocuments() {
		ClassPathResource asyncApi = new ClassPathResource("asyncapi.yaml");
		return RouterFunctions
			.route(RequestPredicates.GET("/asyncapi.yaml"),
					request -> ServerResponse.ok().contentType(YAML).bodyValue(asyncApi))
			.and(RouterFunctions.resources("/schemas/**", new ClassPathResource("schemas/")));
	}

	@Bean
	InitializingBean serviceDocumentsInSwaggerUi(SwaggerUiConfigProperties swaggerUi, ApiRoutes routes) {
		return () -> {
			Set<SwaggerUrl> urls = new LinkedHashSet<>();
			routes.services().forEach((name, service) -> {
				if (service.apiDocs()) {
					urls.add(new SwaggerUrl(name, "/v3/api-docs/" + name, name));
				}
			});
			swaggerUi.setUrls(urls);
			urls.stream().findFirst().ifPresent(first -> swaggerUi.setUrlsPrimaryName(first.getName()));
		};
	}

}
