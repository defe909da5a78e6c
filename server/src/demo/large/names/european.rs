//! German, French, Spanish and Dutch names (Flemish ones too), with their
//! accents and particles.

pub const FIRST_DE: &str = "Jürgen, Lukas, Leon, Finn, Jonas, Paul, Felix, Maximilian, Elias, \
    Anna, Lena, Leonie, Marie, Hannah, Mia, Emma, Katharina, Stefan, Andreas, Sabine, Ursula, \
    Björn, Jörg, Dörte, Frauke, Uwe, Thomas, Michael, Andrea, Petra, Monika, Klaus, Wolfgang, \
    Dieter, Helga, Renate, Brigitte, Matthias, Sebastian, Tobias, Florian, Julia, Laura, Sarah, \
    Lisa, Johanna, Sophie, Charlotte, Greta, Ida, Luise, Frieda, Emil, Anton, Theo, Ben, Luca, \
    Moritz, Niklas, Jan, Tim, Lars, Sven, Kai, Dirk, Holger, Jens, Torsten, Ute, Heike, Anke, \
    Silke, Birgit, Kerstin, Susanne, Claudia, Nicole, Sandra, Melanie, Anja, Tanja, Katrin, \
    Sören, Jörn, Götz, Käthe, Änne, Mehmet, Ayşe, Gül, Elif, Emre, Zeynep, Hans, Peter, Werner, \
    Gerhard, Horst, Manfred, Günter, Heinz, Karl-Heinz, Rainer, Bernd, Volker, Ralf, Frank, \
    Markus, Christian, Alexander, Benedikt, Constantin, Fabian, Jannik, Till, Malte, Ole, Hauke, \
    Detlef, Gisela, Ingrid, Hildegard, Gabriele, Barbara, Karin, Christiane, Franziska, Annika, \
    Miriam, Svenja, Wiebke, Friederike, Antje, Marlene, Clara, Paula, Jana, Nele, Merle, Thea, \
    Lotta, Selin, Aylin, Dragan, Ivana, Milena";
pub const LAST_DE: &str = "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, \
    Schulz, Hoffmann, Schäfer, Koch, Bauer, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, \
    Zimmermann, Braun, Krüger, Hofmann, Hartmann, Lange, Schmitt, Werner, Schmitz, Krause, Meier, \
    Lehmann, Schmid, Schulze, Maier, Köhler, Herrmann, König, Walter, Mayer, Huber, Kaiser, \
    Fuchs, Peters, Lang, Scholz, Möller, Weiß, Jung, Hahn, Schubert, Vogel, Friedrich, Keller, \
    Günther, Frank, Berger, Winkler, Roth, Beck, Lorenz, Baumann, Franke, Albrecht, Schuster, \
    Simon, Ludwig, Böhm, Winter, Kraus, Martin, Schumacher, Krämer, Vogt, Stein, Jäger, Otto, \
    Sommer, Groß, Seidel, Heinrich, Brandt, Haas, Schreiber, Graf, Dietrich, Ziegler, Kuhn, Kühn, \
    Pohl, Engel, Horn, Busch, Bergmann, Voigt, Sauer, Arnold, Pfeiffer, von Bülow, Yılmaz, \
    Öztürk, Kaya, Demir, Şahin, Çelik, Nowak, Kowalski, Böttcher, Dörr, Eckert, Fiedler, Gärtner, \
    Götz, Hübner, Jürgens, Kästner, Löffler, Lück, Mahler, Noether, Rößler, Schütz, Sänger, \
    Tröger, Vössing, Wächter, Zöllner, Bräuer, Haußmann, Heß, Strauß, Voß, Brückner, Dürr, Kühne, \
    Thiel, Ernst, Kurz, Schuhmacher, Frey, Hess, Seifert, Kramer, Ackermann, Hildebrandt, Reuter, \
    Kirchner, Stahl, Lindner, Beyer, Paul, Brinkmann, Wenzel, Marx, Kunz, Lorenzen, Petersen, \
    Hansen, Jensen, Christiansen, Popović, Nikolić, Kovačević";
pub const FIRST_FR: &str = "Jean, Marie, Pierre, Michel, Philippe, Nathalie, Isabelle, Sylvie, \
    Catherine, Françoise, Christophe, Stéphane, Frédéric, Sébastien, Jérôme, Thierry, Laurent, \
    Nicolas, Julien, Olivier, Céline, Sandrine, Valérie, Véronique, Aurélie, Émilie, Élodie, \
    Hélène, Gaëlle, Maëlle, Noémie, Léa, Chloé, Manon, Camille, Inès, Léna, Zoé, Jade, Louise, \
    Alice, Lina, Anaïs, Clémence, Mathilde, Océane, Hugo, Lucas, Léo, Louis, Gabriel, Raphaël, \
    Arthur, Jules, Adam, Maël, Théo, Noé, Timothée, Baptiste, Mathéo, Thibault, Benoît, François, \
    Jérémie, Grégoire, Rémi, Loïc, Gaël, Hervé, Régis, Amélie, Bérénice, Joëlle, Agnès, Solène, \
    Clément, Antoine, Maxime, Alexandre, Guillaume, Romain, Damien, Yannick, Jean-Marc, \
    Marie-Claire, Anne-Sophie, Karim, Mohamed, Yasmine, Samira, Mehdi, Nadia, Sophie, Claire, \
    Juliette, Margaux, Pauline, Lucie, Charlotte, Emma, Anne, Brigitte, Martine, Monique, \
    Dominique, Pascale, Corinne, Laetitia, Audrey, Élise, Éloïse, Héloïse, Margot, Capucine, \
    Apolline, Victoire, Aurélien, Bastien, Cédric, Didier, Édouard, Émile, Fabrice, Florian, \
    Gérald, Ghislain, Gilles, Honoré, Jacques, Lionel, Marcel, Mathis, Pascal, Quentin, René, \
    Sacha, Serge, Sylvain, Valentin, Yves, Xavier, Yann";
pub const LAST_FR: &str = "Martin, Bernard, Thomas, Petit, Robert, Richard, Durand, Dubois, \
    Moreau, Laurent, Simon, Michel, Lefebvre, Leroy, Roux, David, Bertrand, Morel, Fournier, \
    Girard, Bonnet, Dupont, Lambert, Fontaine, Rousseau, Vincent, Muller, Lefèvre, Faure, André, \
    Mercier, Blanc, Guérin, Boyer, Garnier, Chevalier, François, Legrand, Gauthier, Garcia, \
    Perrin, Robin, Clément, Morin, Nicolas, Henry, Roussel, Mathieu, Gautier, Masson, Marchand, \
    Duval, Denis, Dumont, Lemaire, Noël, Meyer, Dufour, Meunier, Brun, Blanchard, Giraud, Joly, \
    Rivière, Lucas, Brunet, Gaillard, Barbier, Arnaud, Gérard, Roche, Renard, Roy, Leroux, Colin, \
    Vidal, Caron, Picard, Fabre, Aubert, Lemoine, Renaud, Dumas, Lacroix, Bourgeois, Leclerc, \
    Rolland, Hubert, Carpentier, Moulin, Deschamps, Fleury, Poirier, Carré, Ménard, Léger, \
    Prévost, Le Gall, Le Roux, Le Goff, Lévêque, Étienne, Lemaître, Bénard, Tremblay, Gagnon, \
    Côté, Bouchard, Lavoie, Gagné, Bélanger, Lévesque, Hébert, Chevrier, Desrosiers, Durant, \
    Fauré, Frémont, Gagneux, Hamelin, Jolivet, Labbé, Lacoste, Laffitte, Lagarde, Leblanc, \
    Lebrun, Lefort, Legendre, Lemonnier, Lenoir, Marchetti, Maréchal, Mérieux, Monnet, Pasquier, \
    Pelletier, Peyrot, Poulain, Raynaud, Rémy, Sauvage, Texier, Thibault, Vasseur, Verdier, \
    Villeneuve, Besnard, Charbonneau, Delacroix, Desjardins, Dufresne";
pub const FIRST_ES: &str = "José, María, Antonio, Carmen, Manuel, Ana, Francisco, Isabel, David, \
    Laura, Juan, Cristina, Javier, Marta, Daniel, Lucía, Carlos, Elena, Jesús, Pilar, Alejandro, \
    Paula, Miguel, Sara, Rafael, Raquel, Pablo, Rosa, Sergio, Beatriz, Fernando, Patricia, Jorge, \
    Silvia, Luis, Teresa, Alberto, Andrea, Álvaro, Irene, Adrián, Nuria, Diego, Mónica, Raúl, \
    Sofía, Iván, Alba, Rubén, Noelia, Óscar, Inés, Andrés, Ángela, Ramón, Begoña, Íñigo, Ainhoa, \
    Joaquín, Montserrat, Jordi, Núria, Xavier, Mercè, Gonzalo, Verónica, Hugo, Valeria, Martín, \
    Martina, Mateo, Lola, Iker, Leire, Unai, Nerea, Sebastián, Guadalupe, Ignacio, Concepción, \
    Tomás, Yolanda, Víctor, Amparo, Agustín, Rocío, Julián, María José, José Luis, Juan Carlos, \
    Aitor, Asier, Gorka, Itziar, Maite, Arantxa, Pau, Marc, Pol, Queralt, Laia, Carla, Claudia, \
    Daniela, Emma, Julia, Lucas, Marco, Nicolás, Samuel, Gabriel, Héctor, Emilio, Eduardo, \
    Felipe, Gregorio, Lorena, Marisol, Remedios, Soledad";
pub const LAST_ES: &str = "García, Rodríguez, González, Fernández, López, Martínez, Sánchez, \
    Pérez, Gómez, Martín, Jiménez, Ruiz, Hernández, Díaz, Moreno, Muñoz, Álvarez, Romero, Alonso, \
    Gutiérrez, Navarro, Torres, Domínguez, Vázquez, Ramos, Gil, Ramírez, Serrano, Blanco, Molina, \
    Morales, Suárez, Ortega, Delgado, Castro, Ortiz, Rubio, Marín, Sanz, Núñez, Iglesias, Medina, \
    Garrido, Cortés, Castillo, Santos, Lozano, Guerrero, Cano, Prieto, Méndez, Cruz, Calvo, \
    Gallego, Vidal, León, Márquez, Herrera, Peña, Flores, Cabrera, Campos, Vega, Fuentes, \
    Carrasco, Díez, Caballero, Reyes, Nieto, Aguilar, Pascual, Santana, Herrero, Montero, \
    Lorenzo, Hidalgo, Giménez, Ibáñez, Ferrer, Durán, Santiago, Benítez, Mora, Vicente, Vargas, \
    Arias, Carmona, Crespo, Román, Pastor, Soto, Sáez, Velasco, Moya, Soler, Parra, Esteban, \
    Bravo, Gallardo, Rojas, Pardo, Merino, Franco, Espinosa, Izquierdo, Lara, Rivas, Silva, \
    Rivera, Casado, Arroyo, Redondo, Camacho, Ríos, Castells, Puig, Vilà, Roig, Pujol, Font, \
    Garriga, Serra, Mas, Bosch, Echeverría, Etxeberria, Goikoetxea, Aguirre, Iturbe, Zubizarreta, \
    Otxoa, Barrios, Quintana, Salazar, Mendoza, Miranda, Paredes, Rosales, Sosa, Valverde, Zamora";
pub const FIRST_NL: &str = "Jan, Johannes, Cornelis, Hendrik, Pieter, Willem, Gerrit, Jacobus, \
    Dirk, Maria, Johanna, Anna, Cornelia, Wilhelmina, Elisabeth, Daan, Sem, Lucas, Levi, Finn, \
    Milan, Bram, Luuk, Thijs, Jesse, Stijn, Ruben, Lars, Tim, Sander, Bas, Joost, Maarten, Koen, \
    Wouter, Jeroen, Arjen, Niels, Mark, Rutger, Sanne, Lisa, Anouk, Emma, Julia, Sophie, Tess, \
    Fleur, Lotte, Eva, Femke, Iris, Noor, Saar, Anne, Marieke, Ingrid, Annelies, Els, Mieke, \
    Inge, Ilse, Floor, Roos, Sietske, Hanneke, Geert, Kees, Henk, Sjoerd, Frits, Joris, Teun, \
    Jens, Gijs, Mees, Noud, Siem, Zoë, Chloë, Loïs, Daphne, Esmée, Wim, Bart, Tom, Dries, \
    Pieter-Jan, Jef, Hanne, Lien, Elke, Griet, Katrien, Hendrika, Geertruida, Aaltje, Jikke, \
    Fenna, Marloes, Esther, Judith, Yvonne, Renske, Mirjam, Karlijn, Joëlle, Thijmen, Hidde, \
    Sven, Wessel, Jurre, Stefan, Erik, Hans, Robin, Patrick, Rik, Remco, Freek, Olivier, Lieke, \
    Maud, Nina";
pub const LAST_NL: &str = "de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, \
    Visser, Smit, Meijer, de Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, \
    Dekker, Brouwer, de Wit, Dijkstra, Smits, de Graaf, van der Meer, van der Linden, Kok, \
    Jacobs, de Haan, Vermeulen, van den Heuvel, van der Veen, van den Broek, de Bruijn, de Bruin, \
    van der Heijden, Schouten, van Beek, Willems, van Vliet, van de Ven, Hoekstra, Maas, \
    Verhoeven, Koster, van Dam, van der Wal, Prins, Blom, Huisman, Peeters, Janssens, Maes, \
    Claes, Goossens, Wouters, De Smet, Mertens, Van den Broeck, De Clercq, Hermans, Aerts, \
    Pauwels, Verstraete, Desmet, Van Damme, De Backer, Dubois, Lambert, Dupont, Kuipers, \
    Veenstra, Kramer, Post, Kuiper, Bosman, Timmermans, Gerritsen, van Wijk, Evers, de Lange, \
    Molenaar, van der Laan, Zwart, Postma, Hoogland, Lammers, Verbeek, de Ruiter, Kroon, Martens, \
    Koning, van Rijn, van Dongen, Claessens, Van Acker, Vandenberghe, De Wilde, Lemmens, Coppens, \
    Michiels, Wijnants, Van de Velde, Verhaegen, Segers, Van Hoof, Bogaert, Hendrickx, de Kok, \
    van Wijngaarden, Scholten, Jonker, Groen, Boersma, Wijnberg, van Houten";
