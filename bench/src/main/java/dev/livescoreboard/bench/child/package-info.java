/**
 * Child JVMs of the bench that talk to it by lines: commands on their stdin, answers on their
 * stdout (the WebSocket fleet's client processes, the bare fan-out server). A child shares nothing
 * with the bench but the machine's wall clock; it exits when its stdin ends.
 */
package dev.livescoreboard.bench.child;
