package app.rapport.deploy.network;

import java.util.Map;
import java.util.Set;

/**
 * Something that sends or receives traffic: a pod (with namespace and labels) or an address outside the
 * cluster (namespace null). Aliases are the group names the operations guide may use for it.
 */
public record Endpoint(String name, String namespace, Map<String, String> labels, String ip, Set<Port> ports, Set<String> aliases) {

    public record Port(int number, String protocol) {
        public static Port tcp(int number) {
            return new Port(number, "TCP");
        }

        @Override
        public String toString() {
            return "TCP".equals(protocol) ? Integer.toString(number) : number + "/" + protocol;
        }
    }

    public boolean isPod() {
        return namespace != null;
    }

    public boolean answersTo(String groupOrName) {
        return name.equals(groupOrName) || aliases.contains(groupOrName);
    }
}
