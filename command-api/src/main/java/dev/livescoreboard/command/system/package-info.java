/** Small infrastructure pieces several features share (no feature logic). */
package dev.livescoreboard.command.system;
