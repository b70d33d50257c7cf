/**
 * Configuration: one immutable {@link dev.livescoreboard.gateway.config.GatewaySettings} read from
 * the environment at startup. Immutable, so any thread may read it.
 */
package dev.livescoreboard.gateway.config;
