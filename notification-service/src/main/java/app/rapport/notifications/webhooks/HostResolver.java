package app.rapport.notifications.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Looks a host name up. A seam so that tests can answer differently from one lookup to the next. */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
