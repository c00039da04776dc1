import Archive
import ArgumentParser
import Foundation
import Ingest

/// `triage users`: who may use the archive, and in which roles (the admin's work).
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "The archive's users and their roles: list, add, role, remove (admin).",
        discussion: HelpText.paragraphs("""
            A user is an operating-system account; triage always acts as the account it runs under. Roles:
            midwife (live triage, today's calls, decisions, notes), researcher (recordings, transcripts, labels,
            training), coordinator (aggregate statistics only), admin (users, model activation, the audit log).
            The account that creates an archive is its first admin, midwife and researcher.
            """),
        subcommands: [List.self, Add.self, SetRole.self, Remove.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users and their roles.")
        @OptionGroup var archive: ArchiveOptions

        func run() throws {
            let session = try archive.open("users list", readOnly: true, requiring: .manageUsers)
            let users: [ArchiveUser]
            do { users = try session.users() } catch { throw CommandFailure(error) }
            var table = TextTable(columns: ["USER", "ROLES", "ADDED", "BY"])
            for u in users {
                table.add([Console.printable(u.name), u.roles.listed, ISO8601DateFormatter().string(from: u.addedAt), Console.printable(u.addedBy)])
            }
            Console.out(table.rendered(), terminator: "")
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account as a user with roles.")
        @Argument(help: "The operating-system account's name.") var name: String
        @Option(name: .long, help: "Roles, comma-separated (midwife, researcher, coordinator, admin).") var roles: String
        @OptionGroup var archive: ArchiveOptions

        func run() throws {
            let session = try archive.open("users add", requiring: .manageUsers)
            let parsed = try UsersCommand.parse(roles)
            if try session.users().contains(where: { $0.name == name }) {
                throw CommandFailure(message: "\(session.address): \(name) is already a user; change the roles with: triage users role \(name) ROLES")
            }
            do { try session.setUser(name, roles: parsed) } catch { throw CommandFailure(error) }
            Console.out("added \(name) (\(parsed.listed))")
        }
    }

    struct SetRole: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "role", abstract: "Give a user these roles (replacing theirs).")
        @Argument(help: "The user.") var name: String
        @Argument(help: "Roles, comma-separated.") var roles: String
        @OptionGroup var archive: ArchiveOptions

        func run() throws {
            let session = try archive.open("users role", requiring: .manageUsers)
            let parsed = try UsersCommand.parse(roles)
            guard try session.users().contains(where: { $0.name == name }) else {
                throw CommandFailure(message: "\(session.address): no user \(name); add one with: triage users add \(name) --roles ROLES")
            }
            do { try session.setUser(name, roles: parsed) } catch { throw CommandFailure(error) }
            Console.out("\(name): \(parsed.listed)")
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a user (their decisions and labels stay, under their name).")
        @Argument(help: "The user.") var name: String
        @OptionGroup var archive: ArchiveOptions

        func run() throws {
            let session = try archive.open("users remove", requiring: .manageUsers)
            do { try session.removeUser(name) } catch { throw CommandFailure(error) }
            Console.out("removed \(name)")
        }
    }

    static func parse(_ text: String) throws -> Set<Role> {
        switch Role.parseList(text) {
        case .success(let roles): return roles
        case .failure(let unknown): throw CommandFailure(message: unknown.description, status: .usage)
        }
    }
}
