package app.carrel.protocol;

/** WebSocket close codes the contract gives a meaning to. */
public final class CloseCodes {
    /** Normal close; also: replaced by a resumed connection. */
    public static final int NORMAL = 1000;
    public static final int GOING_AWAY = 1001;
    public static final int UNSUPPORTED_DATA = 1003;
    public static final int INVALID_PAYLOAD = 1007;
    public static final int POLICY_VIOLATION = 1008;
    public static final int TOO_BIG = 1009;
    public static final int SERVER_ERROR = 1011;

    private CloseCodes() {
    }
}
