package io.slicer.tools.fix.gateway;

import quickfix.Log;
import quickfix.LogFactory;
import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * QuickFIX/J settings every Slicer FIX session shares (FIX 4.4, its data dictionary, a session that never ends by
 * the clock, sequence numbers and sent messages in a FileStore so a restart resumes them), and the one-line log:
 * session-level trouble (a garbled message, a wrong CompID, a sequence number too low) is one line on stderr, never a
 * stack trace (QuickFIX/J's and MINA's own logging is off in {@code logback.xml}).
 */
public final class FixSessions {
    public static final String BEGIN_STRING = "FIX.4.4";

    private FixSessions() {
    }

    /**
     * Sends {@code m} on session {@code id}: QuickFIX/J stores it and, while the peer is logged out, resends it on the
     * next logon. False only when no such session was ever created in this process.
     */
    public static boolean send(final Message m, final SessionID id) {
        final Session s = Session.lookupSession(id);
        return s != null && s.send(m);
    }

    /** A session's settings; {@code store} is the FileStore directory. */
    public static SessionID add(final SessionSettings settings, final String sender, final String target,
                                final boolean acceptor, final String host, final int port, final Path store,
                                final int heartbeatSeconds) {
        final SessionID id = new SessionID(BEGIN_STRING, sender, target);
        settings.setString(id, "ConnectionType", acceptor ? "acceptor" : "initiator");
        if (acceptor) {
            settings.setString(id, "SocketAcceptAddress", host);
            settings.setLong(id, "SocketAcceptPort", port);
            // A restarted gateway binds its port again at once, whatever connections the crash left in TIME_WAIT.
            settings.setString(id, "SocketReuseAddress", "Y");
        } else {
            settings.setString(id, "SocketConnectHost", host);
            settings.setLong(id, "SocketConnectPort", port);
            settings.setLong(id, "ReconnectInterval", 1);
            settings.setLong(id, "HeartBtInt", heartbeatSeconds);
        }
        settings.setString(id, "NonStopSession", "Y");
        settings.setString(id, "UseDataDictionary", "Y");
        settings.setString(id, "DataDictionary", "FIX44.xml");
        settings.setString(id, "AllowUnknownMsgFields", "Y");
        settings.setString(id, "ValidateUserDefinedFields", "N");
        settings.setString(id, "FileStorePath", store.toString());
        settings.setString(id, "PersistMessages", "Y");
        settings.setString(id, "SocketTcpNoDelay", "Y");
        return id;
    }

    /** Logs session errors as one line each on {@code err}; messages and routine events are not logged. */
    public static LogFactory oneLineLog(final PrintStream err) {
        return id -> new Log() {
            @Override
            public void clear() {
            }

            @Override
            public void onIncoming(final String message) {
            }

            @Override
            public void onOutgoing(final String message) {
            }

            @Override
            public void onEvent(final String text) {
            }

            @Override
            public void onErrorEvent(final String text) {
                err.println("fix " + id + ": " + text.replace('\n', ' ').replace('\u0001', '|'));
            }
        };
    }
}
