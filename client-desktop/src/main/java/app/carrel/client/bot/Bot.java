package app.carrel.client.bot;

import app.carrel.client.call.CallEngine;
import java.awt.Color;

/** One participant of a carrel-bot run: its name, camera colour, engine and what it has sent. */
record Bot(String name, Color color, CallEngine engine, Uplink uplink) {
}
