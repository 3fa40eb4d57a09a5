package com.renovation.media.orders;

import com.renovation.media.messaging.testing.ManagementInterfaceContract;
import io.quarkus.test.junit.QuarkusTest;

/** The operators' endpoints answer only on the management port. */
@QuarkusTest
class ManagementInterfaceIT extends ManagementInterfaceContract {
}
