package dev.aep.operator.main;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.aep.operator.platform.EntityRef;
import dev.aep.operator.platform.FieldGroup;
import dev.aep.operator.platform.FlowServiceClient;
import dev.aep.operator.platform.IdentityDescriptor;
import dev.aep.operator.platform.JsonPatchOp;
import dev.aep.operator.platform.Platform;
import dev.aep.operator.platform.PlatformAccount;
import dev.aep.operator.platform.PlatformScope;
import dev.aep.operator.platform.PlatformSession;
import dev.aep.operator.platform.SchemaRegistryClient;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Every Platform change is logged once with the flow (from the MDC) and the Platform id. */
class RemoteChangeLogTest {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(RemoteChangeLog.class);

  /** A Flow Service that answers every create with id "new-1" and every patch with "flow-1". */
  private final FlowServiceClient flows =
      (FlowServiceClient)
          Proxy.newProxyInstance(
              FlowServiceClient.class.getClassLoader(),
              new Class<?>[] {FlowServiceClient.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "createFlow" -> new EntityRef("new-1", "\"e1\"");
                    case "patchBaseConnection" -> new EntityRef("conn-1", "\"e2\"");
                    case "deleteFlow" -> Boolean.FALSE;
                    case "getFlow" -> Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                  });

  private final Platform platform =
      (account, sandbox) ->
          (PlatformSession)
              Proxy.newProxyInstance(
                  PlatformSession.class.getClassLoader(),
                  new Class<?>[] {PlatformSession.class},
                  (proxy, method, args) ->
                      switch (method.getName()) {
                        case "flowService" -> flows;
                        case "scope" -> new PlatformScope(account, sandbox);
                        default -> throw new UnsupportedOperationException(method.getName());
                      });

  private final FlowServiceClient logged =
      new RemoteChangeLog(platform)
          .session(PlatformAccount.of("client", "top-secret", "ORG@AdobeOrg"), "prod")
          .flowService();

  @BeforeEach
  void attach() {
    appender.start();
    logger.addAppender(appender);
    MDC.put("resource.namespace", "payments");
    MDC.put("resource.name", "stripe-charges");
  }

  @AfterEach
  void detach() {
    MDC.clear();
    logger.detachAppender(appender);
  }

  private List<String> lines() {
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void logsOneLinePerChangeWithThePlatformIdAndTheFlowInTheMdc() {
    logged.createFlow(null);
    logged.patchBaseConnection(
        "conn-1", "\"e0\"", List.of(JsonPatchOp.replace("/auth/params", java.util.Map.of("accessToken", "sk_live_secret"))));
    logged.deleteFlow("flow-9");

    assertThat(lines())
        .containsExactly(
            "created flow new-1 (sandbox prod)",
            "patched base connection conn-1 [replace /auth/params] (sandbox prod)",
            "deleted flow flow-9 (was already gone) (sandbox prod)");
    assertThat(appender.list)
        .allSatisfy(
            e -> {
              assertThat(e.getMDCPropertyMap()).containsEntry("resource.namespace", "payments");
              assertThat(e.getMDCPropertyMap()).containsEntry("resource.name", "stripe-charges");
            });
  }

  @Test
  void readsAreNotLoggedAndPatchValuesNeverAppear() {
    logged.getFlow("flow-1");
    logged.patchBaseConnection(
        "conn-1", "\"e0\"", List.of(JsonPatchOp.replace("/auth/params", java.util.Map.of("accessToken", "sk_live_secret"))));

    assertThat(lines()).hasSize(1);
    assertThat(lines().get(0)).doesNotContain("sk_live_secret").doesNotContain("top-secret");
  }

  @Test
  void fieldGroupAndDescriptorChangesAreLoggedAndChecksAndReadsAreNot() {
    FieldGroup group = new FieldGroup("https://ns.adobe.com/acme/mixins/fg1", "_acme.mixins.fg1",
        "1.1", "T", null, List.of(), java.util.Map.of());
    IdentityDescriptor descriptor =
        new IdentityDescriptor("d1", "https://s", 1, "_acme.email", "Email", true);
    SchemaRegistryClient registry =
        (SchemaRegistryClient)
            Proxy.newProxyInstance(
                SchemaRegistryClient.class.getClassLoader(),
                new Class<?>[] {SchemaRegistryClient.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "createFieldGroup", "replaceFieldGroup" -> group;
                      case "createIdentityDescriptor" -> descriptor;
                      case "deleteDescriptor", "deleteFieldGroup" -> Boolean.TRUE;
                      case "tenantId" -> "acme";
                      case "schemaFields", "getFieldGroup", "findFieldGroupByTitle" -> Optional.empty();
                      case "listIdentityDescriptors" -> List.of(descriptor);
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    Platform platform =
        (account, sandbox) ->
            (PlatformSession)
                Proxy.newProxyInstance(
                    PlatformSession.class.getClassLoader(),
                    new Class<?>[] {PlatformSession.class},
                    (proxy, method, args) ->
                        switch (method.getName()) {
                          case "schemaRegistry" -> registry;
                          default -> throw new UnsupportedOperationException(method.getName());
                        });
    SchemaRegistryClient logged =
        new RemoteChangeLog(platform)
            .session(PlatformAccount.of("client", "top-secret", "ORG@AdobeOrg"), "prod")
            .schemaRegistry();

    logged.tenantId();
    logged.schemaFields("https://s");
    logged.getFieldGroup("fg1");
    logged.findFieldGroupByTitle("T");
    logged.listIdentityDescriptors("https://s");
    logged.createFieldGroup(null);
    logged.replaceFieldGroup("_acme.mixins.fg1", null);
    logged.createIdentityDescriptor(descriptor);
    logged.deleteDescriptor("d1");
    logged.deleteFieldGroup("_acme.mixins.fg1");

    assertThat(lines())
        .containsExactly(
            "created field group https://ns.adobe.com/acme/mixins/fg1 (sandbox prod)",
            "replaced field group _acme.mixins.fg1 to version 1.1 (sandbox prod)",
            "created identity descriptor d1 (sandbox prod)",
            "deleted descriptor d1 (sandbox prod)",
            "deleted field group _acme.mixins.fg1 (sandbox prod)");
  }

  @Test
  void exploreValidateAndPreviewAreNotChanges() {
    for (String read : List.of("explore", "validateMappingSet", "previewMappingSet",
        "schemaFields", "tenantId", "findFieldGroupByTitle", "listIdentityDescriptors")) {
      assertThat(RemoteChangeLog.describe(read, new Object[] {"x", "y"}, null)).as(read).isNull();
    }
  }
}
