package com.kreativnomentorstvo.gateway.management;

import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;

import reactor.netty.resources.LoopResources;

/**
 * The actuator (health probes, metrics, route table, circuit states) runs on its own port
 * ({@code MANAGEMENT_PORT}) and its own event-loop thread, so the probes answer within
 * milliseconds while the API port's event loops are busy with a flood of calls: the kubelet must
 * not restart a gateway, or take it out of service, because it is busy. Only the management
 * context (a child of the application's) reads this configuration; the application's component
 * scan leaves it out (see {@code GatewayApplication}).
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
public class ManagementServer {

	/** One thread is plenty for probes and scrapes, and it is never shared with API traffic. */
	@Bean(destroyMethod = "dispose")
	LoopResources managementEventLoop() {
		return LoopResources.create("management-http", 1, 1, true);
	}

	@Bean
	WebServerFactoryCustomizer<NettyReactiveWebServerFactory> ownEventLoop(LoopResources managementEventLoop) {
		return factory -> {
			// the shared resources would otherwise put the server back on the API's event loops
			factory.setResourceFactory(null);
			factory.addServerCustomizers(server -> server.runOn(managementEventLoop));
		};
	}

}
