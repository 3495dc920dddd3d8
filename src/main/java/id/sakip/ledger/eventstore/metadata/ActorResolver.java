package id.sakip.ledger.eventstore.metadata;

/** Finds the actor of the current request; never from anything the client can write. */
public interface ActorResolver {

    Actor current(String organisationId);
}
