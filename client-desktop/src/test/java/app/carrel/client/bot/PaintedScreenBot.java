package app.carrel.client.bot;

import java.awt.Color;
import java.awt.Frame;
import java.awt.Graphics;

/**
 * Test main run in a subprocess on an Xvfb display: covers the screen with one colour (no window
 * manager needed for an undecorated frame), then runs carrel-bot with the remaining arguments.
 * Usage: PaintedScreenBot RRGGBB WIDTH HEIGHT bot-args…
 */
public final class PaintedScreenBot {

    private PaintedScreenBot() {
    }

    public static void main(String[] args) {
        Color color = new Color(Integer.parseInt(args[0], 16));
        int width = Integer.parseInt(args[1]);
        int height = Integer.parseInt(args[2]);
        Frame frame = new Frame("carrel-screen-test") {
            @Override
            public void paint(Graphics g) {
                g.setColor(color);
                g.fillRect(0, 0, getWidth(), getHeight());
            }
        };
        frame.setUndecorated(true);
        frame.setBackground(color);
        frame.setBounds(0, 0, width, height);
        frame.setVisible(true);
        String[] botArgs = new String[args.length - 3];
        System.arraycopy(args, 3, botArgs, 0, botArgs.length);
        CarrelBot.main(botArgs);
    }
}
