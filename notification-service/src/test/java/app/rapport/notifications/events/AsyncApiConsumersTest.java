package app.rapport.notifications.events;

import app.rapport.devkit.testing.AsyncApiConsumersTestBase;
import io.quarkus.test.junit.QuarkusTest;

/** The AsyncAPI document lists exactly the topics notification-service subscribes to and the event types its handlers act on. */
@QuarkusTest
class AsyncApiConsumersTest extends AsyncApiConsumersTestBase {
}
