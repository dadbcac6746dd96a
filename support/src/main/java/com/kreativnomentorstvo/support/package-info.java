/**
 * Small pieces shared by every deployable whatever its web stack (servlet or reactive): the gateway
 * (WebFlux), the platform the services build on (servlet) and the local authorization server each use
 * them, and none of them may depend on another. Plain classes that a deployable creates and registers
 * itself: no auto-configuration, no Spring context of its own, so adding this module changes nothing
 * in an application until it uses one of them.
 */
package com.kreativnomentorstvo.support;
