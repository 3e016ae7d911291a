/**
 * Textes de l'interface en français. Mêmes clés que en.ts.
 *
 * Ils sont écrits ici avec des espaces ordinaires ; `typeset` met l'espace fine insécable
 * (U+202F) de la typographie française avant « : ; ! ? % » et à l'intérieur des guillemets,
 * pour que ces signes ne commencent jamais une ligne.
 */
import type { MessageKey } from './en.ts';

const NARROW_NBSP = '\u202F';

function typeset(texts: Record<MessageKey, string>): Record<MessageKey, string> {
  const set = (text: string): string =>
    text.replace(/ ([:;!?%»])/g, `${NARROW_NBSP}$1`).replace(/« /g, `«${NARROW_NBSP}`);
  return Object.fromEntries(Object.entries(texts).map(([key, text]) => [key, set(text)])) as Record<
    MessageKey,
    string
  >;
}

export const fr: Record<MessageKey, string> = typeset({
  'app.title': 'Trame',
  'app.loading': 'Démarrage du simulateur…',
  'app.startFailed': 'Le simulateur n’a pas pu démarrer : {reason}',
  'app.simulatorFailed':
    'Le simulateur s’est arrêté et ne peut pas continuer. Rechargez la page : votre réseau est conservé dans ce navigateur.',
  'app.reload': 'Recharger',
  'app.actionFailed':
    'Le simulateur n’a pas pu faire cela. Le réseau affiché est celui qu’il contient maintenant.',
  'app.partMissing':
    'Une partie de Trame n’a pas pu être chargée. Vérifiez la connexion réseau et réessayez.',

  'menu.file': 'Fichier',
  'menu.edit': 'Édition',
  'menu.view': 'Affichage',
  'menu.help': 'Aide',
  'menu.file.new': 'Nouveau',
  'menu.file.open': 'Ouvrir…',
  'menu.file.save': 'Enregistrer',
  'menu.file.examples': 'Exemples',
  'menu.edit.undo': 'Annuler',
  'menu.edit.redo': 'Rétablir',
  'menu.edit.delete': 'Supprimer',
  'menu.view.zoomIn': 'Zoom avant',
  'menu.view.zoomOut': 'Zoom arrière',
  'menu.view.fit': 'Ajuster au réseau',
  'menu.view.dark': 'Thème sombre',
  'menu.view.language': 'Langue',
  'menu.help.shortcuts': 'Raccourcis clavier',
  'menu.help.about': 'À propos de Trame',

  'example.smallOffice': 'Petit bureau (VLAN, router-on-a-stick)',

  'tool.select': 'Sélectionner et déplacer',
  'tool.cable': 'Câble Ethernet',
  'toolbar.label': 'Outils',

  'palette.label': 'Équipements',
  'palette.network': 'Équipements réseau',
  'palette.end': 'Terminaux',
  'palette.connections': 'Connexions',
  'palette.cableAuto': 'Ethernet (ports automatiques)',
  'palette.cableChoose': 'Ethernet (choisir les ports)',
  'palette.hint': 'Cliquez sur un équipement, puis sur le plan. Entrée le place au milieu de la vue.',

  'kind.router': 'Routeur',
  'kind.switch': 'Commutateur',
  'kind.multilayer': 'Commutateur multicouche',
  'kind.pc': 'PC',
  'kind.server': 'Serveur',

  'noun.router': 'routeur',
  'noun.switch': 'commutateur',
  'noun.pc': 'PC',
  'noun.server': 'serveur',

  'canvas.label': 'Plan du réseau',
  'hint.place': 'Cliquez sur le plan pour placer : {kind}. Échap pour arrêter.',
  'hint.cableFirst': 'Cliquez sur le premier équipement à câbler. Échap pour arrêter.',
  'hint.cableSecond': 'Cliquez sur l’équipement à relier à {name}. Échap pour annuler.',
  'hint.choosePort': 'Choisissez un port de {name}',

  'ports.free': 'libre',
  'ports.usedBy': 'câble vers {name} {port}',

  'panel.label': 'Détails',
  'panel.network': 'Réseau',
  'panel.devices': 'Équipements',
  'panel.cables': 'Câbles',
  'panel.empty': 'Le réseau est vide. Choisissez un équipement dans la palette pour commencer.',
  'panel.select': 'Sélectionnez un équipement pour voir ses ports, ses réglages et sa console.',
  'panel.name': 'Nom',
  'panel.rename': 'Renommer',
  'panel.kindIs': 'Type : {kind}',
  'panel.ports': 'Ports',
  'panel.port': 'Port',
  'panel.cable': 'Câble',
  'panel.notConnected': 'non connecté',
  'panel.disconnect': 'Retirer le câble',
  'panel.delete': 'Supprimer l’équipement',
  'panel.console': 'Console',
  'panel.consoleLoading': 'Ouverture de la console…',
  'panel.consoleMissing':
    'La console n’a pas pu être chargée. Vérifiez la connexion réseau, puis sélectionnez à nouveau l’équipement.',
  'panel.cableTitle': 'Câble',
  'panel.cableEnds': '{a} {portA} ↔ {b} {portB}',

  'console.failed': 'Le simulateur n’a pas pu exécuter cette ligne.',

  'connect.title': 'Brancher un câble',
  'connect.from': 'Port',
  'connect.to': 'Vers l’équipement',
  'connect.toPort': 'Son port',
  'connect.auto': 'Automatique',
  'connect.submit': 'Brancher',

  'ipform.title': 'Configuration IP',
  'ipform.ip': 'Adresse IPv4',
  'ipform.mask': 'Masque de sous-réseau',
  'ipform.gateway': 'Passerelle par défaut',
  'ipform.mode': 'Mode d’adressage',
  'ipform.dhcp': 'DHCP',
  'ipform.static': 'Statique',
  'ipform.apply': 'Appliquer',
  'ipform.applied': 'Configuration IP enregistrée.',
  'ipform.badIp': '{value} n’est pas une adresse IPv4 (quatre nombres de 0 à 255, comme 192.168.1.10).',
  'ipform.badMask': '{value} n’est pas un masque de sous-réseau (comme 255.255.255.0).',
  'ipform.maskNeeded': 'Indiquez un masque de sous-réseau avec l’adresse.',
  'ipform.dns': 'Serveur DNS',
  'ipform.dnsHint': 'Plusieurs : séparez-les par des virgules. Vide avec DHCP : ceux du serveur DHCP.',

  'dnsform.title': 'Service DNS',
  'dnsform.mode': 'État du service DNS',
  'dnsform.on': 'Activé',
  'dnsform.off': 'Désactivé',
  'dnsform.isOff': 'Ce serveur ne répond à aucune requête DNS.',
  'dnsform.records': 'Enregistrements',
  'dnsform.none': 'Aucun enregistrement pour l’instant.',
  'dnsform.name': 'Nom',
  'dnsform.type': 'Type',
  'dnsform.detail': 'Détail',
  'dnsform.typeA': 'A (adresse)',
  'dnsform.typeCname': 'CNAME (alias)',
  'dnsform.address': 'Adresse IPv4',
  'dnsform.target': 'Alias de',
  'dnsform.add': 'Ajouter',
  'dnsform.remove': 'Supprimer l’enregistrement',
  'dnsform.removeOne': 'Supprimer l’enregistrement {type} de {name}',
  'dnsform.nameNeeded': 'Indiquez le nom auquel répondre, comme www.example.com.',
  'dnsform.addressNeeded': 'Indiquez l’adresse IPv4 de ce nom.',
  'dnsform.targetNeeded': 'Indiquez le nom dont celui-ci est l’alias.',

  'status.mode': 'Mode',
  'status.realtime': 'Temps réel',
  'status.time': 'Temps : {time}',
  'status.zoom': 'Zoom : {value} %',

  'file.saved': '{file} enregistré.',
  'file.openFailed': '{file} n’a pas pu être ouvert :',
  'file.restored': 'Votre dernier réseau a été restauré.',
  'file.unsavedTitle': 'Modifications non enregistrées',
  'file.unsaved':
    'Les modifications de {file} ne sont pas enregistrées dans un fichier. Les enregistrer avant de remplacer ce réseau ?',
  'file.saveFirst': 'Enregistrer',
  'file.discard': 'Ne pas enregistrer',
  'file.cancel': 'Annuler',

  'autosave.unreadable':
    'Votre dernier réseau ({file}), conservé dans ce navigateur, n’a pas pu être ouvert : l’exemple est affiché à sa place. Il est mis de côté : téléchargez-le pour le garder.',
  'autosave.download': 'Le télécharger',
  'notice.dismiss': 'Fermer',

  'help.shortcutsTitle': 'Raccourcis clavier',
  'help.aboutTitle': 'À propos de Trame',
  'help.about':
    'Trame est un simulateur de réseaux libre qui fonctionne dans le navigateur : routeurs, commutateurs et PC, une ligne de commande de style IOS, et ping. Tout s’exécute sur cet ordinateur, hors ligne.',
  'help.close': 'Fermer',
  'shortcut.deselect': 'Annuler l’outil en cours, désélectionner',
  'shortcut.cable': 'Outil câble Ethernet',
  'shortcut.select': 'Outil de sélection',
  'shortcut.nudge': 'Déplacer l’équipement sélectionné (Maj : par grands pas)',
  'shortcut.pan': 'Déplacer la vue : glisser sur le plan vide ; zoom : molette ou pincement',

  'lang.en': 'English',
  'lang.fr': 'Français',

  'error.unknown': 'la modification a été refusée ({key})',
  'error.unknownCommand': 'Trame ne connaît pas la commande « {type} »',
  'error.unknownDevice': 'l’équipement {device} n’existe plus ; il a peut-être été supprimé',
  'error.unknownLink': 'le câble {link} n’existe plus ; il a peut-être été supprimé',
  'error.deviceIdInUse': 'un équipement d’identifiant {device} existe déjà',
  'error.linkIdInUse': 'un câble d’identifiant {link} existe déjà',
  'error.unknownKind': '« {value} » n’est pas un type d’équipement ; utilisez router, switch, pc ou server',
  'error.unknownModel': '« {value} » n’est pas un modèle de commutateur ; utilisez 2960-24TT ou 3560-24PS',
  'error.modelNotSwitch':
    'un {kind} n’a pas de modèle matériel : seuls les commutateurs en ont un (2960-24TT ou 3560-24PS)',
  'error.badPosition': 'une position s’écrit avec deux nombres finis [x, y]',
  'error.nameEmpty': 'un équipement a besoin d’un nom, par exemple R1',
  'error.nameInvalid':
    '« {name} » ne peut pas être un nom d’équipement : ni espace ni « : » (câbles et scripts écrivent ÉQUIPEMENT:PORT) ; essayez par exemple R1 ou PC-12',
  'error.nameTaken':
    '« {name} » est déjà le nom de {other} (les noms ignorent majuscules et minuscules) ; choisissez un autre nom',
  'error.selfLink':
    'un câble ne peut pas relier {device} à lui-même ; choisissez un autre équipement pour l’autre extrémité',
  'error.noSuchPort': '{device} n’a pas de port « {port} » : un {kind} a {ports}',
  'error.portInUse':
    '{portShort} de {device} est déjà utilisé par le câble vers {other} ; choisissez un autre port',
  'error.noFreePort':
    'tous les ports de {device} sont utilisés ; retirez un câble ou choisissez un autre équipement',
  'error.configOnHost':
    '{device} est un {kind} : il n’a pas de configuration IOS ; réglez plutôt son adresse IP et sa passerelle par défaut',
  'error.hostIpOnNetworkDevice':
    '{device} est un {kind} : ses adresses se règlent dans sa configuration (interface ... ip address ...), pas dans « ip », « gateway » ni « dns »',
  'error.notText': 'texte attendu (une chaîne)',
  'error.ipSyntax':
    '« {ip} » n’est pas une adresse IPv4 avec une longueur de préfixe (par exemple 192.168.1.10/24)',
  'error.ipMaskLength': '« {ip} » : un hôte a besoin d’une longueur de préfixe de /1 à /32, par exemple /24',
  'error.ipNetworkAddress':
    '« {ip} » est l’adresse du réseau {network} ; un hôte a besoin d’une adresse de {first} à {last}',
  'error.ipBroadcastAddress':
    '« {ip} » est l’adresse de diffusion de {network} ; un hôte a besoin d’une adresse de {first} à {last}',
  'error.ipThisNetwork': '« {ip} » est dans 0.0.0.0/8 (« ce réseau »), qu’aucun hôte ne peut utiliser',
  'error.ipLoopback': '« {ip} » est une adresse de bouclage (127.0.0.0/8), qui ne quitte jamais l’équipement',
  'error.ipMulticast':
    '« {ip} » est une adresse multicast (224.0.0.0/4) ; un hôte a besoin d’une adresse unicast',
  'error.ipReserved':
    '« {ip} » est dans 240.0.0.0/4, qui est réservé ; un hôte a besoin d’une adresse inférieure à 224.0.0.0',
  'error.gatewaySyntax': '« {gateway} » n’est pas une adresse IPv4 (par exemple 192.168.1.1)',
  'error.hostIpv6OnNetworkDevice':
    '{device} est un {kind} : ses adresses IPv6 se règlent dans sa configuration (interface ... ipv6 address ...), pas dans « ipv6 » ni « ipv6Gateway »',
  'error.ipv6Syntax':
    '« {ipv6} » n’est ni "auto" ni une adresse IPv6 avec une longueur de préfixe (par exemple 2001:db8:1::10/64)',
  'error.ipv6PrefixLength':
    '« {ipv6} » : un hôte a besoin d’une longueur de préfixe de /1 à /128, le plus souvent /64',
  'error.ipv6Unspecified': '« {ipv6} » est l’adresse non spécifiée (::), qu’aucune interface ne peut avoir',
  'error.ipv6Loopback': '« {ipv6} » est l’adresse de bouclage (::1), qui ne quitte jamais l’équipement',
  'error.ipv6Multicast':
    '« {ipv6} » est une adresse multicast (ff00::/8) ; un hôte a besoin d’une adresse unicast',
  'error.ipv6LinkLocal':
    '« {ipv6} » est une adresse lien-local (fe80::/10), que l’hôte se donne lui-même ; donnez une adresse globale ou locale unique, par exemple 2001:db8:1::10/64',
  'error.ipv6TooMany':
    '« {ipv6} » est de trop : « ipv6 » contient "auto", une adresse, ou les deux ["auto", "2001:db8:1::10/64"]',
  'error.ipv6GatewaySyntax':
    '« {gateway} » n’est pas une adresse IPv6 (par exemple fe80::1 ou 2001:db8:1::1)',
  'error.ipv6GatewayUnusable':
    '« {gateway} » ne peut pas être une passerelle par défaut : c’est une adresse multicast, non spécifiée ou de bouclage ; donnez l’adresse d’un routeur, par exemple fe80::1',
  'error.dnsTooMany': 'un hôte interroge au plus {max} serveurs DNS, pas {count}',
  'error.dnsServerSyntax': '« {server} » n’est pas une adresse IPv4 (par exemple 10.0.0.53)',
  'error.dnsServerUnusable':
    '« {server} » ne peut pas être un serveur DNS : les requêtes vont à un seul hôte, jamais à 0.0.0.0/8 ni à une adresse multicast, réservée ou de diffusion',
  'error.dnsServerTwice': '{server} est déjà dans la liste des serveurs DNS',
  'error.dnsRecordsNotServer':
    '{device} est un {kind} : seuls les serveurs font tourner un service DNS (« dnsRecords »)',
  'error.dnsNameSyntax':
    '« {name} » n’est pas un nom de domaine : écrivez des étiquettes de lettres, chiffres, « - » ou « _ » séparées par des points, par exemple www.example.com',
  'error.dnsLabelLength':
    '« {label} » fait {length} caractères : une étiquette de nom de domaine en a au plus 63',
  'error.dnsNameLength': 'un nom de domaine a au plus 253 caractères ; celui-ci en a {length}',
  'error.dnsRecordType':
    '« {value} » n’est pas un type d’enregistrement DNS : utilisez A (l’adresse d’un nom) ou CNAME (l’alias d’un autre nom)',
  'error.dnsAddressSyntax': '« {address} » n’est pas une adresse IPv4 (par exemple 10.0.0.80)',
  'error.dnsCnameConflict':
    '« {name} » a un CNAME et un autre enregistrement ({other}) : un nom qui est un alias n’a aucun autre enregistrement (RFC 1034 §3.6.2)',
  'error.dnsRecordTwice': '« {name} » a déjà cet enregistrement ({other})',

  'file.notJson': 'ce n’est pas du JSON valide (ligne {line}, colonne {column}) : {detail}',
  'file.notObject':
    'un fichier réseau est un objet JSON avec « version », « devices » et « links », pas {value}',
  'file.unknownTopField':
    'champ inconnu « {field} » : un fichier réseau a « version », « devices », « links » et éventuellement « $schema »',
  'file.unknownDeviceField':
    'champ inconnu « {field} » : un équipement a « name », « kind », « at », et éventuellement « config » (routeurs, commutateurs), « model » (commutateurs), « ip », « gateway », « ipv6 », « ipv6Gateway » et « dns » (PC, serveurs) ou « dnsRecords » (serveurs)',
  'file.missingVersion': '« version » manque : ajoutez "version": 1',
  'file.unsupportedVersion':
    'la version {value} n’est pas prise en charge : cette version de Trame lit les fichiers de version 1',
  'file.missingDevices': '« devices » manque : ajoutez "devices": [] et listez-y les équipements',
  'file.devicesType': '« devices » doit être une liste [...] d’équipements, pas {value}',
  'file.linksType': '« links » doit être une liste [...] de câbles, pas {value}',
  'file.deviceType':
    'un équipement est un objet comme {"name": "R1", "kind": "router", "at": [100, 100]}, pas {value}',
  'file.missingDeviceField':
    'cet équipement n’a pas de « {field} » : chaque équipement a besoin de « name », « kind » (router, switch, pc ou server) et « at » ([x, y] sur le plan)',
  'file.nameType': 'un nom d’équipement est une chaîne comme "R1", pas {value}',
  'file.kindValue': '{value} n’est pas un type d’équipement ; utilisez "router", "switch", "pc" ou "server"',
  'file.modelValue': '{value} n’est pas un modèle de commutateur ; utilisez "2960-24TT" ou "3560-24PS"',
  'file.modelNotSwitch': '{device} est un {kind} : seuls les commutateurs ont un « model »',
  'file.atType': 'une position s’écrit avec deux nombres [x, y], pas {value}',
  'file.textType': '« {field} » doit être une chaîne, pas {value}',
  'file.keyBits': '« rsaKeyBits » est une taille de clé en bits de 360 à 4096 (celles d’IOS), pas {value}',
  'file.keyBitsOnHost': '{device} est un {kind} : seuls les routeurs et les commutateurs ont des clés RSA',
  'file.duplicateName':
    'le nom « {name} » est déjà utilisé par {otherPointer} (« {other} ») ; les noms doivent différer, même sans tenir compte des majuscules',
  'file.linkType':
    'un câble est une paire d’extrémités comme ["R1:GigabitEthernet0/0", "S1:GigabitEthernet0/1"], pas {value}',
  'file.linkEndType': 'une extrémité de câble est une chaîne "ÉQUIPEMENT:PORT", pas {value}',
  'file.linkEndSyntax':
    '« {value} » n’est pas une extrémité de câble : écrivez ÉQUIPEMENT:PORT, par exemple "S1:FastEthernet0/1"',
  'file.unknownLinkDevice': 'aucun équipement ne s’appelle « {device} » (les équipements sont : {names})',
  'file.portUsedTwice': 'le port « {port} » de {device} est déjà utilisé par le câble {other}',
  'file.ipv6Type':
    '« ipv6 » vaut "auto", une adresse avec sa longueur de préfixe comme "2001:db8:1::10/64", ou une liste des deux, pas {value}',
  'file.ipv6GatewayAlone':
    '« ipv6Gateway » demande « ipv6 » : ajoutez "ipv6": "auto" (ou une adresse statique) pour faire tourner IPv6 sur {device}',
  'file.dnsType':
    '« dns » est l’adresse d’un serveur DNS comme "10.0.0.53", ou une liste de telles adresses, pas {value}',
  'file.dnsServerType': 'un serveur DNS est une adresse comme "10.0.0.53", pas {value}',
  'file.dnsRecordsType':
    '« dnsRecords » doit être une liste [...] d’enregistrements DNS ([] pour un service DNS qui n’en a pas encore), pas {value}',
  'file.recordType':
    'un enregistrement DNS est un objet comme {"name": "www.example.com", "type": "A", "address": "10.0.0.80"}, pas {value}',
  'file.unknownRecordField':
    'champ inconnu « {field} » : un enregistrement DNS a « name », « type », et « address » (type A) ou « target » (type CNAME)',
  'file.missingRecordField':
    'cet enregistrement n’a pas de « {field} » : un enregistrement DNS a « name », « type », et « address » (type A) ou « target » (type CNAME)',
  'file.recordFieldForType':
    'un enregistrement de type {type} n’a pas de « {field} » : le type A donne une « address », le type CNAME une « target »',
});
