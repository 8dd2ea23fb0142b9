package app.rapport.notifications.routing;

import app.rapport.contract.EventEnvelope;
import app.rapport.contract.EventType;
import app.rapport.contract.client.ClientRegistered;
import app.rapport.notifications.service.Delivery;
import app.rapport.notifications.service.InAppInbox;
import app.rapport.platform.inbox.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/** A newly registered client lands on the registering case manager's caseload: tell them it is there. */
@ApplicationScoped
public class ClientRegisteredRouting implements EventHandler {

    @Inject
    InAppInbox inbox;

    @Override
    public Set<EventType> handles() {
        return Set.of(EventType.CLIENT_REGISTERED);
    }

    @Override
    public void handle(EventEnvelope event) {
        ClientRegistered registered = event.dataAs(ClientRegistered.class);
        inbox.deliver(new Delivery(event.id(), registered.registeredBy(), registered.clientId(), event.type(),
                "Client " + registered.clientReference() + " is now on your caseload",
                "/clients/" + registered.clientId(), "identity"));
    }
}
