package dev.livescoreboard.command.user;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * User provisioning ({@code scoreboard.users.*}).
 *
 * @param autoRegister create an unknown caller from their access token's {@code sub} and {@code
 *     name} on their first start or complete, instead of answering 404 (on in the local stack only)
 */
@ConfigurationProperties("scoreboard.users")
record UserSettings(boolean autoRegister) {}
