package com.kreativnomentorstvo.platform.health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;

/** The broker answers a cluster description within a few seconds. */
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private static final Duration TIMEOUT = Duration.ofSeconds(3);

	private final KafkaAdmin admin;

	private volatile AdminClient client;

	KafkaHealthIndicator(KafkaAdmin admin) {
		super("Kafka broker not reachable");
		this.admin = admin;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		DescribeClusterResult cluster = client()
			.describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
		int nodes = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
		builder.up().withDetail("clusterId", cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
			.withDetail("brokers", nodes);
	}

	private AdminClient client() {
		if (client == null) {
			synchronized (this) {
				if (client == null) {
					client = AdminClient.create(admin.getConfigurationProperties());
				}
			}
		}
		return client;
	}

	@Override
	public void destroy() {
		if (client != null) {
			client.close(Duration.ofSeconds(1));
		}
	}

}
