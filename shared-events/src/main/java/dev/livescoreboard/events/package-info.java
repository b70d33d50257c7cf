/**
 * The public contracts of Live Scoreboard: the Kafka events ({@link
 * dev.livescoreboard.events.ScoreboardEvent}: {@link dev.livescoreboard.events.ScoreChanged},
 * {@link dev.livescoreboard.events.EntryChanged} and {@link
 * dev.livescoreboard.events.BoardDefined}, one topic, told apart by {@code type}), the top-N change
 * message the projector publishes ({@link dev.livescoreboard.events.TopNChanged}), the personal
 * rank changes it publishes ({@link dev.livescoreboard.events.RanksChanged}), topic and key names,
 * the Redis key layout and ranking encoding shared by the projector (writer) and the gateway
 * (reader), and the rules every module must apply alike: which board and season ids exist ({@link
 * dev.livescoreboard.events.BoardIds}), how seasons are ordered ({@link
 * dev.livescoreboard.events.Seasons}), the board defaults ({@link
 * dev.livescoreboard.events.BoardDefaults}) and the stable codes of problem responses ({@link
 * dev.livescoreboard.events.ErrorCode}).
 *
 * <p>Plain Java and Jackson; no framework code, Kafka's serializer interfaces being the one
 * exception (clients load the (de)serializers by class name). Immutable and thread-safe.
 */
package dev.livescoreboard.events;
