//! English names (the US, UK, Canada and Australia) and Irish ones.

pub const FIRST_EN: &str = "James, Mary, Robert, Patricia, John, Jennifer, Michael, Linda, David, \
    Elizabeth, William, Barbara, Richard, Susan, Joseph, Jessica, Thomas, Sarah, Christopher, \
    Karen, Charles, Lisa, Daniel, Nancy, Matthew, Betty, Anthony, Sandra, Mark, Margaret, Donald, \
    Ashley, Steven, Kimberly, Andrew, Emily, Paul, Donna, Joshua, Michelle, Kenneth, Carol, \
    Kevin, Amanda, Brian, Melissa, George, Deborah, Timothy, Stephanie, Ronald, Dorothy, Jason, \
    Rebecca, Edward, Sharon, Jeffrey, Laura, Ryan, Cynthia, Jacob, Amy, Gary, Kathleen, Nicholas, \
    Angela, Eric, Shirley, Jonathan, Brenda, Stephen, Emma, Larry, Anna, Justin, Pamela, Scott, \
    Nicole, Brandon, Samantha, Benjamin, Katherine, Samuel, Christine, Gregory, Helen, Alexander, \
    Debra, Patrick, Rachel, Frank, Carolyn, Raymond, Janet, Jack, Maria, Dennis, Catherine, \
    Jerry, Heather, Tyler, Diane, Aaron, Olivia, Henry, Julie, Douglas, Joyce, Peter, Victoria, \
    Adam, Ruth, Nathan, Virginia, Zachary, Lauren, Walter, Kelly, Kyle, Christina, Harold, Joan, \
    Carl, Evelyn, Jeremy, Judith, Gerald, Andrea, Keith, Hannah, Roger, Megan, Arthur, Cheryl, \
    Terry, Jacqueline, Lawrence, Martha, Sean, Madison, Christian, Teresa, Ethan, Gloria, Austin, \
    Sara, Albert, Ann, Jesse, Kathryn, Abigail, Bryan, Sophia, Bruce, Frances, Noah, Alice, \
    Jordan, Judy, Dylan, Isabella, Alan, Grace, Wayne, Amber, Gabriel, Denise, Louis, Danielle, \
    Russell, Beverly, Vincent, Charlotte, Philip, Natalie, Logan, Diana, Harry, Brittany, Oliver, \
    Amelia, Isla, Ava, Sophie, Mia, Chloe, Liam, Lucas, Mason, Ella, Poppy, Freya, Alfie, Archie, \
    Oscar, Leo, Charlie, Zoë, Renée, Chloé, José, Noël, André, Dominique, Aimée, Mikaela, Connor, \
    Madeleine, Evan, Owen, Caleb, Isaac, Luke, Wyatt, Hunter, Cameron, Eli, Aiden, Carter, Nolan, \
    Dominic, Ian, Adrian, Colin, Miles, Blake, Spencer, Gavin, Jared, Marcus, Trevor, Derek, \
    Shawn, Travis, Bradley, Lance, Neil, Stuart, Graham, Rhys, Callum, Jamie, Ross, Fraser, \
    Angus, Hamish, Tobias, Reuben, Felix, Hugo, Rowan, Finley, Ellis, Elliot, Jude, Kieran, \
    Declan, Naomi, Leah, Layla, Nora, Lily, Hazel, Violet, Aurora, Stella, Lucy, Ellie, Scarlett, \
    Ruby, Georgia, Imogen, Harriet, Phoebe, Rosie, Evie, Millie, Eleanor, Florence, Matilda, \
    Beatrice, Esme, Erin, Holly, Jasmine, Paige, Kirsty, Gemma, Leanne, Lindsey, Tracy, Wendy, \
    Vanessa, Tiffany, Crystal, Courtney, Brianna, Kaitlyn, Bethany, Molly, Abby, Claire, Fiona, \
    Heidi, Joanna, Kristen, Lydia, Miranda, Monica, Noelle, Penelope, Rosalind, Sabrina, Tamsin, \
    Yvonne, Zara, Malcolm, Gordon, Duncan, Alistair, Nigel, Clive, Graeme, Desmond, Rupert, \
    Giles, Barry, Glen, Curtis, Dwayne, Terrence, Marvin, Darnell, Jamal, Andre, Tyrone, Latoya, \
    Keisha, Shanice, Imani, Jada";
pub const LAST_EN: &str = "Smith, Johnson, Williams, Brown, Jones, Garcia, Miller, Davis, \
    Rodriguez, Martinez, Hernandez, Lopez, Gonzalez, Wilson, Anderson, Thomas, Taylor, Moore, \
    Jackson, Martin, Lee, Perez, Thompson, White, Harris, Sanchez, Clark, Ramirez, Lewis, \
    Robinson, Walker, Young, Allen, King, Wright, Scott, Torres, Nguyen, Hill, Flores, Green, \
    Adams, Nelson, Baker, Hall, Rivera, Campbell, Mitchell, Carter, Roberts, Evans, Turner, \
    Phillips, Parker, Collins, Edwards, Stewart, Morris, Murphy, Cook, Rogers, Morgan, Peterson, \
    Cooper, Reed, Bailey, Bell, Kelly, Howard, Ward, Cox, Richardson, Wood, Watson, Brooks, \
    Bennett, Gray, James, Hughes, Price, Sanders, Myers, Long, Ross, Foster, Powell, Jenkins, \
    Perry, Russell, Sullivan, Fisher, Henderson, Coleman, Patterson, Jordan, Reynolds, Hamilton, \
    Graham, Wallace, Cole, West, Stone, Ellis, Murray, Hunt, Marshall, Owens, Fox, Rose, Palmer, \
    Knight, Lloyd, Barnes, Webb, Simpson, Holmes, Mills, Chapman, Shaw, Davies, Harrison, \
    Morrison, Fraser, MacDonald, McKenzie, Robertson, Reid, Ferguson, O'Brien, O'Connor, Núñez, \
    Søndergaard, Dubois, Lefèvre, Schäfer, Gallagher, Butler, Simmons, Gonzales, Bryant, \
    Alexander, Griffin, Diaz, Hayes, Wells, Chavez, Kennedy, Warren, Dixon, Burns, Gordon, Rice, \
    Black, Daniels, Nichols, Grant, Stephens, Weaver, Tucker, Spencer, Porter, Hunter, Hicks, \
    Crawford, Henry, Boyd, Mason, Freeman, Lawrence, Berry, Riley, Hudson, Carroll, Duncan, \
    Armstrong, Elliott, Gardner, Payne, Lane, Harper, Fuller, Lynch, Dean, Gilbert, Garrett, \
    Romero, Welch, Larson, Frazier, Burke, Hanson, Day, Mendoza, Moreno, Bowman, Medina, Fowler, \
    Brewer, Hoffman, Carlson, Pearson, Holland, Douglas, Fleming, Vargas, Byrd, Davidson, \
    Hopkins, May, Terry, Herrera, Wade, Soto, Walters, Curtis, Neal, Caldwell, Lowe, Jennings, \
    Barnett, Graves, Jimenez, Horton, Shelton, Barrett, O'Neal, Bradley, Cunningham, Barker, \
    Francis, Hart, Moss, Newman, Stevens, Dawson, Hewitt, Lamb, Atkinson, Bird, Clarke, \
    Cartwright, Fletcher, Gibson, Kerr, Kirby, Marsh, Norris, Page, Pratt, Randall, Saunders, \
    Sharp, Slater, Sutton, Thornton, Vaughan, Walsh, Whitehead, Wilkinson, Woodward, Yates, \
    Booth, Bishop, Chambers, Dunn, Field, Goodwin, Hammond, Hardy, Hobbs, Ingram, Jarvis, Kemp, \
    Lawson, Mann, Nash, Osborne, Parsons, Potter, Rhodes, Stokes, Summers, Talbot, Underwood, \
    Wheeler, Whitaker, Abbott, Baxter, Burton, Carpenter, Chandler, Cross, Dalton, Emerson, \
    Finch, Hale, Holt, Hooper, Kent, Lindsay, Lyons, Oakley, Pope, Reeves, Sheppard, Sims, \
    Steele, Stanley, Swift, Tate, Walton, Warner, Wolfe, York, Bellamy, Beaumont, Bouchard, \
    Gauthier, Lévesque";
pub const FIRST_GA: &str = "Aoife, Siobhán, Niamh, Ciara, Saoirse, Caoimhe, Orla, Róisín, Sinéad, \
    Aisling, Clodagh, Gráinne, Áine, Éabha, Méabh, Síle, Deirdre, Fionnuala, Bríd, Máire, Sorcha, \
    Eimear, Ailbhe, Emer, Nuala, Úna, Mary, Sarah, Emma, Kate, Seán, Pádraig, Eoin, Cian, Oisín, \
    Darragh, Conor, Ciarán, Diarmuid, Dónal, Tadhg, Ruairí, Colm, Fergal, Cathal, Éamon, Fiachra, \
    Séamus, Declan, Liam, Niall, Rory, Kevin, Brendan, Aidan, Ronan, Shane, Cillian, Michael, \
    John, David, Paul, Mark";
pub const LAST_GA: &str = "Murphy, Kelly, O'Sullivan, Walsh, Smith, O'Brien, Byrne, Ryan, \
    O'Connor, O'Neill, O'Reilly, Doyle, McCarthy, Gallagher, O'Doherty, Kennedy, Lynch, Murray, \
    Quinn, Moore, McLoughlin, O'Carroll, Connolly, Daly, O'Connell, Wilson, Dunne, Brennan, \
    Burke, Collins, Campbell, Clarke, Johnston, Hughes, O'Farrell, Fitzgerald, Brown, Martin, \
    Maguire, Nolan, Flynn, Thompson, O'Callaghan, O'Donnell, Duffy, O'Mahony, Boyle, Healy, \
    O'Shea, White, Sweeney, Hayes, Kavanagh, Power, McGrath, Moran, Brady, Casey, Foley, \
    Fitzpatrick, O'Leary, McDonnell, Donnelly, Regan, Ó Súilleabháin, Ó Briain, Mac Giolla, \
    Ní Bhriain, Ó Murchú, Nic Aodha";
