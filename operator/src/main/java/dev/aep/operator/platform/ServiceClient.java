package dev.aep.operator.platform;

/** What every Platform service client is: the collections of the kinds it serves. */
public interface ServiceClient {

  /**
   * The collection of one of this service's kinds; every typed accessor of a service is this one,
   * so decorators and fakes implement it once for all kinds.
   */
  <T extends RemoteObject, R> RemoteCollection<T, R> collection(RemoteKind<T, R> kind);
}
